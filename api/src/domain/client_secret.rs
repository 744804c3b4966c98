//! Integration client credentials: the public id, the secret, and how a presented secret is checked.
//!
//! The secret is 32 random bytes (256 bits) made by the server, not a password a person chose, so it
//! cannot be guessed from a dictionary: a single SHA-256 of it is as hard to reverse as the secret is
//! to guess. A slow password hash (argon2) would add nothing but cost, and the token endpoint would
//! pay it on every call.

use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;

use super::tokens::sha256_hex;

/// A new public client id: `hhc_` and 20 hex digits.
pub fn new_client_id() -> String {
    let mut bytes = [0u8; 10];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("hhc_{}", hex::encode(bytes))
}

/// A new secret: `hhs_` and 32 random bytes, URL-safe base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("hhs_{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// What is stored for a secret.
pub fn hash_secret(secret: &str) -> String {
    sha256_hex(secret.as_bytes())
}

/// The stored hashes of a client's secrets.
pub struct StoredSecrets<'a> {
    pub current: &'a str,
    /// The secret the last rotation replaced, and until when it still works.
    pub previous: Option<(&'a str, DateTime<Utc>)>,
}

/// Whether `presented` is the current secret, or the previous one before its grace ends. Both are
/// compared in constant time, and both always, so timing says nothing about which one matched.
pub fn secret_matches(stored: &StoredSecrets<'_>, presented: &str, now: DateTime<Utc>) -> bool {
    let hash = hash_secret(presented);
    let current = equal(hash.as_bytes(), stored.current.as_bytes());
    let previous = stored.previous.is_some_and(|(old, until)| equal(hash.as_bytes(), old.as_bytes()) & (now < until));
    current | previous
}

fn equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn the_current_secret_matches_and_another_does_not() {
        let secret = new_secret();
        let hash = hash_secret(&secret);
        let stored = StoredSecrets { current: &hash, previous: None };
        assert!(secret_matches(&stored, &secret, Utc::now()));
        assert!(!secret_matches(&stored, &new_secret(), Utc::now()));
    }

    #[test]
    fn the_previous_secret_matches_only_until_its_grace_ends() {
        let (old, new) = (new_secret(), new_secret());
        let (old_hash, new_hash) = (hash_secret(&old), hash_secret(&new));
        let now = Utc::now();
        let stored = StoredSecrets { current: &new_hash, previous: Some((&old_hash, now + Duration::hours(24))) };
        assert!(secret_matches(&stored, &old, now));
        assert!(secret_matches(&stored, &new, now + Duration::hours(25)));
        assert!(!secret_matches(&stored, &old, now + Duration::hours(24)));
    }

    #[test]
    fn ids_and_secrets_are_unique_and_long() {
        assert_ne!(new_client_id(), new_client_id());
        assert_eq!(new_client_id().len(), 24);
        assert!(new_secret().len() > 40);
    }
}
