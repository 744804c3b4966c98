//! Volunteer star levels (志愿者星级评定, seed 002): a volunteer reaches a level when their cumulative
//! hours served reach its threshold. Thresholds are data per district (`volunteer_star_levels`);
//! where a district has set none, the platform's defaults apply.

/// The platform's thresholds in hours, 一星 to 五星.
pub const DEFAULT_MIN_HOURS: [i64; 5] = [100, 300, 600, 1000, 1500];

/// The names of the levels, 一星 to 五星.
pub const NAMES: [&str; 5] = ["一星志愿者", "二星志愿者", "三星志愿者", "四星志愿者", "五星志愿者"];

/// Why a set of thresholds is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadThresholds {
    #[error("give five thresholds, 一星 to 五星")]
    NotFive,
    #[error("every threshold is at least one hour")]
    NotPositive,
    #[error("each level takes more hours than the one below")]
    NotRising,
}

/// Checks five thresholds: positive and strictly rising.
pub fn check(min_hours: &[i64]) -> Result<(), BadThresholds> {
    if min_hours.len() != 5 {
        return Err(BadThresholds::NotFive);
    }
    if min_hours.iter().any(|h| *h < 1) {
        return Err(BadThresholds::NotPositive);
    }
    if min_hours.windows(2).any(|w| w[1] <= w[0]) {
        return Err(BadThresholds::NotRising);
    }
    Ok(())
}

/// The level (1–5) reached with `served_minutes` under `min_hours`; 0 below the first.
pub fn level_for(served_minutes: i64, min_hours: &[i64]) -> i32 {
    min_hours.iter().take_while(|h| served_minutes >= **h * 60).count() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_reached_at_their_thresholds_exactly() {
        let t = DEFAULT_MIN_HOURS;
        assert_eq!(level_for(0, &t), 0);
        assert_eq!(level_for(99 * 60 + 59, &t), 0);
        assert_eq!(level_for(100 * 60, &t), 1);
        assert_eq!(level_for(299 * 60, &t), 1);
        assert_eq!(level_for(300 * 60, &t), 2);
        assert_eq!(level_for(600 * 60, &t), 3);
        assert_eq!(level_for(1000 * 60, &t), 4);
        assert_eq!(level_for(1500 * 60, &t), 5);
        assert_eq!(level_for(100_000 * 60, &t), 5);
    }

    #[test]
    fn thresholds_must_be_five_positive_and_rising() {
        assert_eq!(check(&DEFAULT_MIN_HOURS), Ok(()));
        assert_eq!(check(&[1, 2, 3, 4]), Err(BadThresholds::NotFive));
        assert_eq!(check(&[0, 2, 3, 4, 5]), Err(BadThresholds::NotPositive));
        assert_eq!(check(&[1, 2, 2, 4, 5]), Err(BadThresholds::NotRising));
    }
}
