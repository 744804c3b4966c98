//! Password hashing with argon2id.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};

/// argon2id with the configured cost (memory in KiB, iterations).
#[derive(Debug, Clone, Copy)]
pub struct Hasher {
    pub memory_kib: u32,
    pub iterations: u32,
}

impl Hasher {
    fn argon2(&self) -> anyhow::Result<Argon2<'static>> {
        let params = Params::new(self.memory_kib, self.iterations, 1, None).map_err(anyhow::Error::msg)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// A PHC string (`$argon2id$v=19$…`) that carries its own salt and parameters.
    pub fn hash(&self, password: &str) -> anyhow::Result<String> {
        let salt = SaltString::generate(&mut OsRng);
        Ok(self.argon2()?.hash_password(password.as_bytes(), &salt).map_err(anyhow::Error::msg)?.to_string())
    }

    /// Checks a password against a stored PHC string; the parameters come from the string.
    pub fn verify(&self, password: &str, phc: &str) -> bool {
        PasswordHash::new(phc).map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()).unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: Hasher = Hasher { memory_kib: 1024, iterations: 1 };

    #[test]
    fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let phc = CHEAP.hash("correct horse").expect("hash");
        assert!(phc.starts_with("$argon2id$"));
        assert!(CHEAP.verify("correct horse", &phc));
        assert!(!CHEAP.verify("wrong horse", &phc));
    }

    #[test]
    fn garbage_in_the_store_never_verifies() {
        assert!(!CHEAP.verify("x", "not a hash"));
    }
}
