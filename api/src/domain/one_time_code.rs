//! One-time codes (短信验证码): six digits, stored only as a keyed hash, valid for a while, locked
//! after too many wrong tries. The rules here decide; `services::sms` stores and sends.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;

/// A fresh six-digit code from the operating system's random source.
pub fn new_code() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

/// HMAC-SHA256 of the code, keyed with the server secret and bound to the number and purpose, so a
/// leaked table cannot be turned back into codes by trying the million of them.
pub fn code_hash(secret: &[u8], phone: &str, purpose: &str, code: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(format!("{purpose}|{phone}|{code}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Why a presented code does not sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefused {
    /// No code was sent, it was already used, or the digits are wrong.
    #[error("wrong or expired code")]
    Wrong,
    #[error("the code has expired; request a new one")]
    Expired,
    #[error("too many wrong codes; request a new one")]
    Locked,
}

/// The state of the latest code sent to a number, as stored.
pub struct Sent<'a> {
    pub hash: &'a str,
    pub wrong_tries: i32,
    pub expires_at: DateTime<Utc>,
}

/// The verdict on `presented_hash` against the latest code: locked first (a locked code stays
/// locked even for the right digits), then expired, then the digits.
pub fn judge(sent: &Sent<'_>, presented_hash: &str, max_wrong_tries: i32, now: DateTime<Utc>) -> Result<(), CodeRefused> {
    if sent.wrong_tries >= max_wrong_tries {
        return Err(CodeRefused::Locked);
    }
    if sent.expires_at <= now {
        return Err(CodeRefused::Expired);
    }
    // Constant-time comparison of the two hex strings.
    let same = sent.hash.len() == presented_hash.len()
        && sent.hash.bytes().zip(presented_hash.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    if same { Ok(()) } else { Err(CodeRefused::Wrong) }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn sent(hash: &str, wrong_tries: i32, expires_in: i64) -> Sent<'_> {
        Sent { hash, wrong_tries, expires_at: Utc::now() + Duration::seconds(expires_in) }
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let code = new_code();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn the_hash_depends_on_number_purpose_and_secret() {
        let h = code_hash(b"k", "13800138000", "sign_in", "123456");
        assert_eq!(h, code_hash(b"k", "13800138000", "sign_in", "123456"));
        assert_ne!(h, code_hash(b"k", "13800138001", "sign_in", "123456"));
        assert_ne!(h, code_hash(b"k", "13800138000", "change_phone", "123456"));
        assert_ne!(h, code_hash(b"j", "13800138000", "sign_in", "123456"));
    }

    #[test]
    fn a_locked_code_refuses_even_the_right_digits() {
        let now = Utc::now();
        assert_eq!(judge(&sent("aa", 5, 60), "aa", 5, now), Err(CodeRefused::Locked));
        assert_eq!(judge(&sent("aa", 4, 60), "aa", 5, now), Ok(()));
    }

    #[test]
    fn an_expired_code_is_refused_and_a_wrong_one_is_wrong() {
        let now = Utc::now();
        assert_eq!(judge(&sent("aa", 0, -1), "aa", 5, now), Err(CodeRefused::Expired));
        assert_eq!(judge(&sent("aa", 0, 60), "ab", 5, now), Err(CodeRefused::Wrong));
    }
}
