//! Phone numbers as tap-to-call links (`tel:`), for staff who call residents and providers from
//! their phones. A masked number (`138****5678`) stays plain text: there is nothing to dial.

use leptos::prelude::*;

/// `tel:+8613812345678` for a dialable number; `None` when it is masked or has no digits.
pub fn tel_href(number: &str) -> Option<String> {
    let dialable: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let masked = number.chars().any(|c| matches!(c, '*' | '＊' | '•' | '×'));
    (!masked && dialable.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{dialable}"))
}

/// The number as a `tel:` link when it can be dialled, else as text; "—" when there is none.
#[component]
pub fn PhoneLink(#[prop(into)] number: Option<String>) -> impl IntoView {
    match number {
        Some(number) => match tel_href(&number) {
            Some(href) => view! { <a class="tel" href=href data-testid="tel-link">{number}</a> }.into_any(),
            None => view! { <span>{number}</span> }.into_any(),
        },
        None => "—".into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::tel_href;

    #[test]
    fn a_full_number_dials_and_a_masked_one_does_not() {
        assert_eq!(tel_href("138 1234 5678").as_deref(), Some("tel:13812345678"));
        assert_eq!(tel_href("+86-10-6552-0000").as_deref(), Some("tel:+861065520000"));
        assert_eq!(tel_href("138****5678"), None);
        assert_eq!(tel_href("—"), None);
    }
}
