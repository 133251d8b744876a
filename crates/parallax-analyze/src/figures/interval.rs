//! The values a figure allows: its qualifier as an interval, so that two figures agree when
//! their intervals meet ("over 120" and "120" agree; "nearly 3,000" and "more than 3,000" do not).

use parallax_core::{Direction, Figure, FigureKind};

/// A range of values, each end open (excluded) or closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The low end.
    pub low: f64,
    /// Whether the low end is excluded.
    pub low_open: bool,
    /// The high end.
    pub high: f64,
    /// Whether the high end is excluded.
    pub high_open: bool,
}

/// How far a plainly stated number may stand from the true value: half its rounding unit
/// ("3,000" may be 2,950 written round), at most 5 percent.
fn slack(v: f64) -> f64 {
    let a = v.abs();
    let mut unit = 1.0;
    if a.fract() != 0.0 {
        // Decimals: the last written place ("1.4" -> 0.1).
        let mut u = 1.0;
        for _ in 0..6 {
            u /= 10.0;
            if ((a / u).round() * u - a).abs() < u * 1e-6 {
                break;
            }
        }
        unit = u;
    } else {
        while unit < 1e15 && a >= unit * 10.0 && (a / (unit * 10.0)).fract() == 0.0 {
            unit *= 10.0;
        }
    }
    (unit / 2.0).min(0.05 * a)
}

impl Interval {
    /// Whether the interval holds a value.
    fn contains(&self, v: f64) -> bool {
        let above = if self.low_open {
            v > self.low
        } else {
            v >= self.low
        };
        let below = if self.high_open {
            v < self.high
        } else {
            v <= self.high
        };
        above && below
    }
}

/// The interval a figure allows. Upper bounds of "more than" and lower bounds of "nearly" are
/// set where a reporter would have used a different number (twice the value, 90 percent of it:
/// nobody writes "nearly 90" for 80).
pub fn interval(f: &Figure) -> Interval {
    let v = f.value;
    let top = f
        .high
        .filter(|_| f.kind != FigureKind::Score)
        .unwrap_or(v)
        .max(v);
    let closed = |low: f64, high: f64| Interval {
        low,
        low_open: false,
        high,
        high_open: false,
    };
    match f.direction {
        Direction::Exact => closed(v - slack(v), top + slack(top)),
        Direction::Around => {
            let s = (0.1 * v.abs()).max(slack(v));
            closed(v - s, top + (0.1 * top.abs()).max(slack(top)))
        }
        Direction::Above => Interval {
            low_open: true,
            ..closed(v, top * 2.0)
        },
        Direction::AtLeast => closed(v, top * 2.0),
        Direction::Nearly => Interval {
            high_open: true,
            ..closed(v * 0.9, top)
        },
        Direction::Below => Interval {
            high_open: true,
            ..closed(0.0, top)
        },
        Direction::AtMost => closed(0.0, top),
    }
}

/// Whether two figures of the same thing agree: their intervals meet, and one outlet's number
/// is one the other's wording allows, or both give the same number ("about 7 percent" and
/// "eight percent" could both be true of 7.6, but the outlets report different numbers).
/// Scores and votes must be equal.
pub fn compatible(a: &Figure, b: &Figure) -> bool {
    if a.kind == FigureKind::Score || b.kind == FigureKind::Score {
        return a.kind == b.kind && a.value == b.value && a.high == b.high;
    }
    let (x, y) = (interval(a), interval(b));
    let same_number = a.value == b.value && a.high == b.high;
    if !(same_number || x.contains(b.value) || y.contains(a.value)) {
        return false;
    }
    let (low, low_open) = if x.low > y.low {
        (x.low, x.low_open)
    } else if y.low > x.low {
        (y.low, y.low_open)
    } else {
        (x.low, x.low_open || y.low_open)
    };
    let (high, high_open) = if x.high < y.high {
        (x.high, x.high_open)
    } else if y.high < x.high {
        (y.high, y.high_open)
    } else {
        (x.high, x.high_open || y.high_open)
    };
    low < high || (low == high && !low_open && !high_open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: f64, direction: Direction) -> Figure {
        Figure {
            value,
            qualifier: None,
            direction,
            about: String::new(),
            head: String::new(),
            text: String::new(),
            sentence: 0,
            kind: FigureKind::Count,
            high: None,
            unit: None,
        }
    }

    #[track_caller]
    fn check(a: (f64, Direction), b: (f64, Direction), expected: bool) {
        assert_eq!(
            compatible(&fig(a.0, a.1), &fig(b.0, b.1)),
            expected,
            "{a:?} {b:?}"
        );
    }

    #[test]
    fn qualifiers_are_intervals() {
        use Direction::*;
        check((120.0, Above), (120.0, Exact), true);
        check((3000.0, Nearly), (3000.0, Above), false);
        check((3000.0, Nearly), (3000.0, Exact), true);
        check((400.0, Nearly), (450.0, Above), false);
        check((100_000.0, Above), (100_000.0, Above), true);
        check((383.0, Exact), (381.0, Exact), false);
        check((383.0, Exact), (380.0, Exact), true);
        check((380.0, Around), (383.0, Exact), true);
        check((10.0, AtMost), (12.0, Exact), false);
        check((1.4, Exact), (1.47, Exact), false);
    }

    #[test]
    fn outlets_agree_only_on_a_number_both_wordings_allow() {
        use Direction::*;
        check((80.0, Around), (90.0, Nearly), false);
        check((7.0, Around), (8.0, Exact), false);
        check((17.0, Exact), (18.0, Exact), false);
        check((4000.0, AtLeast), (4299.0, Exact), true);
        check((1200.0, Exact), (1172.0, Exact), true);
        check((2800.0, Exact), (3000.0, Nearly), true);
    }
}
