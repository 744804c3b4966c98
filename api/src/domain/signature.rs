//! Signing webhook deliveries: `X-Happyhome-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
//!
//! The timestamp is inside the signed text so a receiver can refuse old deliveries replayed later;
//! the `.` keeps timestamp and body from running into each other.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header value that signs `body` sent at `timestamp` (unix seconds) with `secret`.
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut message = Vec::with_capacity(body.len() + 21);
    message.extend_from_slice(timestamp.to_string().as_bytes());
    message.push(b'.');
    message.extend_from_slice(body);
    format!("sha256={}", hmac_sha256_hex(secret, &message))
}

/// Whether `signature` (a header value) signs `body` at `timestamp` with `secret`, compared in
/// constant time. For receivers written in Rust, and the tests.
pub fn verify(secret: &[u8], timestamp: i64, body: &[u8], signature: &str) -> bool {
    let Some(hex_mac) = signature.strip_prefix("sha256=") else { return false };
    let Ok(given) = hex::decode(hex_mac) else { return false };
    let mut mac = new_mac(secret);
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

fn new_mac(secret: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length (long ones are hashed first), so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"))
}

fn hmac_sha256_hex(secret: &[u8], message: &[u8]) -> String {
    let mut mac = new_mac(secret);
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_test_case_2() {
        assert_eq!(
            hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn the_signature_covers_timestamp_dot_body() {
        // python3: hmac.new(b"it-is-a-secret-key", b'1700000000.{"event":"ping"}', hashlib.sha256).hexdigest()
        assert_eq!(
            sign(b"it-is-a-secret-key", 1_700_000_000, br#"{"event":"ping"}"#),
            "sha256=4eff3fa153bd3773a923c49f5df4d1b21eaf2341194b1e62c75a2a35c746ac8a"
        );
    }

    #[test]
    fn a_signature_verifies_only_for_its_own_timestamp_body_and_secret() {
        let signature = sign(b"it-is-a-secret-key", 1_700_000_000, b"{}");
        assert!(verify(b"it-is-a-secret-key", 1_700_000_000, b"{}", &signature));
        assert!(!verify(b"it-is-a-secret-key", 1_700_000_001, b"{}", &signature));
        assert!(!verify(b"it-is-a-secret-key", 1_700_000_000, b"{ }", &signature));
        assert!(!verify(b"another-secret-key", 1_700_000_000, b"{}", &signature));
        assert!(!verify(b"it-is-a-secret-key", 1_700_000_000, b"{}", "md5=00"));
    }
}
