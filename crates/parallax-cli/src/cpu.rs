//! CPU time of this process, for the speed lines of the evaluations: wall time on a shared
//! machine counts other programs' work too.

/// `/proc`'s clock ticks per second (`USER_HZ`, 100 on Linux whatever the kernel's own rate).
const TICKS_PER_SECOND: f64 = 100.0;

/// User plus system CPU seconds this process has used so far, all threads together, to a
/// hundredth of a second; `None` where `/proc/self/stat` cannot be read (not Linux).
pub fn process_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    ticks_of(&stat).map(|t| t as f64 / TICKS_PER_SECOND)
}

/// utime + stime of a `/proc/PID/stat` line. The command name (field 2) may hold spaces and
/// brackets, so fields are counted after its last `)`: utime and stime, fields 14 and 15, are
/// then the 12th and 13th.
fn ticks_of(stat: &str) -> Option<u64> {
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    user.checked_add(system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_read_after_the_command_name() {
        let line = "4242 (a (b) c) R 1 4242 4242 0 -1 4194304 100 0 0 0 250 17 0 0 20 0 1 0 5 0 0";
        assert_eq!(ticks_of(line), Some(267));
        assert_eq!(ticks_of("4242 (x) R 1"), None);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn this_process_has_used_some_cpu() {
        // The clock ticks in hundredths of a second: work until it moves, for five seconds of
        // wall time at most (a fixed amount of work can finish inside one tick when optimised).
        let before = process_seconds().unwrap_or(-1.0);
        let start = std::time::Instant::now();
        let mut x = 0u64;
        while process_seconds().unwrap_or(-1.0) <= before
            && start.elapsed() < std::time::Duration::from_secs(5)
        {
            for i in 0..1_000_000u64 {
                x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
            }
        }
        assert!(process_seconds().unwrap_or(-1.0) > before);
    }
}
