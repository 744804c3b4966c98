//! Masking personal data for callers who do not handle it: enough to recognise, not to reach.
//! Who sees it unmasked is the policy's rule ([`crate::policy::needs::reveals_personal_data`]).

/// `138****5678`: enough to recognise, not enough to call.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "****".into();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// `王*` / `欧阳**`: the family name only.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count().max(1))),
        None => String::new(),
    }
}

/// The start of an address (the estate), without building and door numbers.
pub fn mask_address(address: &str) -> String {
    let head: String = address.chars().take(6).collect();
    format!("{head}****")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_keeps_its_first_three_and_last_four_digits() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("123"), "****");
    }

    #[test]
    fn a_name_keeps_the_family_name() {
        assert_eq!(mask_name("王小明"), "王**");
        assert_eq!(mask_name("李"), "李*");
    }

    #[test]
    fn an_address_keeps_only_its_start() {
        assert_eq!(mask_address("缤纷小区3幢2单元501室"), "缤纷小区3幢****");
    }
}
