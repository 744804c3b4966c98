//! Templates shipped as data (`templates.json`, compiled in): the annual resident satisfaction
//! survey (seed 002) and the 社区体检 resident questionnaire (seed 004). Parsed once; a unit test
//! holds every template to the builder's rules, so a broken template never ships.

use std::sync::OnceLock;

use shared::SurveyTemplate;

/// Every shipped template, in file order.
pub fn all() -> &'static [SurveyTemplate] {
    static TEMPLATES: OnceLock<Vec<SurveyTemplate>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        // The file is compiled in and checked by the tests below; an unreadable one is a build defect.
        serde_json::from_str(include_str!("templates.json")).unwrap_or_else(|e| {
            tracing::error!(error = %e, "survey templates unreadable");
            Vec::new()
        })
    })
}

/// The template with this code.
pub fn find(code: &str) -> Option<&'static SurveyTemplate> {
    all().iter().find(|t| t.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field_errors::FieldErrors;
    use crate::domain::surveys::build::check_questions;

    #[test]
    fn both_templates_load_and_keep_the_builders_rules() {
        let parsed: Vec<SurveyTemplate> = serde_json::from_str(include_str!("templates.json")).expect("templates.json parses");
        assert_eq!(parsed.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), vec!["annual_satisfaction", "community_checkup"]);
        for t in &parsed {
            let mut errors = FieldErrors::default();
            check_questions(&t.questions, &mut errors);
            assert!(errors.is_empty(), "{}: {:?}", t.code, errors.pointers());
        }
        assert!(find("community_checkup").is_some());
    }
}
