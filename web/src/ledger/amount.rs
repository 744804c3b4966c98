//! How an amount of the ledger reads: service time in hours (minutes below one hour), points as
//! points. The staff pages and the resident's phone pages show amounts the same way.

use shared::LedgerUnit;

use crate::common::i18n::I18n;
use crate::messages::Key;

/// `90` minutes as `1.5 小时`, points as `120 分`; signed when `signed`.
pub fn amount_text(i18n: I18n, unit: LedgerUnit, amount: i64, signed: bool) -> String {
    let sign = if signed && amount > 0 { "+" } else { "" };
    match unit {
        LedgerUnit::Points => format!("{sign}{}{}", i18n.number(amount as f64, 0), i18n.t(k!("mpoints.points_unit"))),
        LedgerUnit::Minutes if amount % 60 == 0 => format!("{sign}{}{}", amount / 60, i18n.t(k!("mpoints.hours_unit"))),
        LedgerUnit::Minutes if amount.abs() < 60 => format!("{sign}{amount}{}", i18n.t(k!("mpoints.minutes_unit"))),
        LedgerUnit::Minutes => format!("{sign}{}{}", i18n.number(amount as f64 / 60.0, 1), i18n.t(k!("mpoints.hours_unit"))),
    }
}

/// The message key of a unit's name (服务时长 / 积分).
pub fn unit_key(unit: LedgerUnit) -> Key {
    match unit {
        LedgerUnit::Minutes => k!("mpoints.hours"),
        LedgerUnit::Points => k!("mpoints.points"),
    }
}
