//! Bounded gzip decompression: stops a stream that inflates past a limit or at a ratio no real
//! document has (a gzip bomb), instead of filling memory or spinning for minutes.

use std::io::{self, Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

/// Output below this size is never judged by its ratio.
const RATIO_FLOOR: u64 = 1 << 20;

/// Why a guarded stream stopped.
#[derive(Debug)]
pub(crate) enum Stop {
    /// More output than the limit.
    OverLimit(u64),
    /// Output more than this many times the input: a bomb.
    Ratio(u64),
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::OverLimit(limit) => {
                write!(f, "decompressed data is over the limit of {limit} bytes")
            }
            Stop::Ratio(ratio) => {
                write!(
                    f,
                    "decompresses to over {ratio} times its size: refused as a gzip bomb"
                )
            }
        }
    }
}

impl std::error::Error for Stop {}

/// Counts the compressed bytes read.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A gzip decoder (of all members, as WARC.gz files have many) with a size and ratio guard.
pub(crate) struct Guarded<R: Read> {
    decoder: MultiGzDecoder<Counting<R>>,
    compressed: Arc<AtomicU64>,
    produced: u64,
    limit: u64,
    max_ratio: u64,
}

impl<R: Read> Guarded<R> {
    /// Decompresses `inner`, failing once output passes `limit` bytes or `max_ratio` times input.
    pub(crate) fn new(inner: R, limit: u64, max_ratio: u64) -> Self {
        let compressed = Arc::new(AtomicU64::new(0));
        let counting = Counting {
            inner,
            count: Arc::clone(&compressed),
        };
        Self {
            decoder: MultiGzDecoder::new(counting),
            compressed,
            produced: 0,
            limit,
            max_ratio,
        }
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.decoder.read(buf)?;
        self.produced += n as u64;
        if self.produced > self.limit {
            return Err(io::Error::other(Stop::OverLimit(self.limit)));
        }
        let input = self.compressed.load(Ordering::Relaxed).max(1);
        if self.produced > RATIO_FLOOR && self.produced / input > self.max_ratio {
            return Err(io::Error::other(Stop::Ratio(self.max_ratio)));
        }
        Ok(n)
    }
}

/// The size the data of a gzip file says it inflates to (`ISIZE`, the last four bytes: the last
/// member's size modulo 2^32), when the file opens as gzip; `None` when it does not or cannot be
/// read so. A hint to size the buffer the data is read into, never trusted beyond that. The file
/// is left at its start.
pub(crate) fn stated_size(file: &mut (impl Read + Seek)) -> Option<u64> {
    let mut head = [0u8; 2];
    let stated = (|| {
        file.read_exact(&mut head).ok()?;
        if head != [0x1f, 0x8b] {
            return None;
        }
        let mut trailer = [0u8; 4];
        file.seek(SeekFrom::End(-4)).ok()?;
        file.read_exact(&mut trailer).ok()?;
        Some(u64::from(u32::from_le_bytes(trailer)))
    })();
    // Back to the start, or no hint and no bytes taken when that fails.
    file.seek(SeekFrom::Start(0)).ok()?;
    stated
}

/// The guard's reason, when an I/O error came from it.
pub(crate) fn stop_reason(e: &io::Error) -> Option<&Stop> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Stop>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn the_stated_size_is_read_from_the_trailer_and_the_file_left_at_its_start() {
        let data = gz(&[b'x'; 70_000]);
        let mut file = io::Cursor::new(data);
        assert_eq!(stated_size(&mut file), Some(70_000));
        assert_eq!(file.position(), 0);
        let mut plain = io::Cursor::new(b"<p>not gzip</p>".to_vec());
        assert_eq!(stated_size(&mut plain), None);
        assert_eq!(plain.position(), 0);
        // Too short for a trailer: no hint.
        let mut short = io::Cursor::new(vec![0x1f, 0x8b, 8]);
        assert_eq!(stated_size(&mut short), None);
        assert_eq!(short.position(), 0);
    }

    #[test]
    fn a_bomb_is_stopped_early() {
        let bomb = gz(&vec![0u8; 50 << 20]);
        assert!(bomb.len() < 100_000);
        let mut out = Vec::new();
        let err = Guarded::new(&bomb[..], u64::MAX, 100)
            .read_to_end(&mut out)
            .unwrap_err();
        assert!(matches!(stop_reason(&err), Some(Stop::Ratio(100))), "{err}");
        assert!(out.len() < 4 << 20, "stopped after {} bytes", out.len());
    }

    #[test]
    fn the_limit_holds_and_normal_data_passes() {
        let data = gz(b"hello world, hello world");
        let mut out = Vec::new();
        Guarded::new(&data[..], 1000, 100)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"hello world, hello world");
        let err = Guarded::new(&data[..], 5, 100)
            .read_to_end(&mut Vec::new())
            .unwrap_err();
        assert!(matches!(stop_reason(&err), Some(Stop::OverLimit(5))));
    }
}
