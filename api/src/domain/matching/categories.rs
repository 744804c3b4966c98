//! How need categories relate for matching, and which co-building catalogue item closes a gap in
//! each. One table each, here only.

use shared::SpaceKind;

use crate::domain::need_categories::CATEGORIES;

/// Categories that can stand in for each other, at reduced fit: a home-care team can help with an
/// elderly person's housekeeping, a legal aid station with a dispute. Read both ways.
const RELATED: &[(&str, &[&str])] = &[
    ("elderly_care", &["health", "housekeeping", "disability", "mental_health"]),
    ("childcare", &["minors", "education"]),
    ("minors", &["education", "mental_health"]),
    ("disability", &["health", "social_assistance"]),
    ("employment", &["education", "social_assistance"]),
    ("health", &["mental_health"]),
    ("education", &["culture_sports"]),
    ("legal", &["dispute", "social_assistance"]),
    ("emergency", &["safety"]),
    ("property", &["convenience", "safety", "dispute"]),
    ("housekeeping", &["convenience"]),
    ("social_assistance", &["veterans"]),
];

/// The index of a category code in [`CATEGORIES`].
pub fn index(code: &str) -> Option<u8> {
    CATEGORIES.iter().position(|c| c.code == code).map(|i| i as u8)
}

/// How a service's category fits a need's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Exact,
    Related,
    None,
}

/// The fit of every (need category, service category) pair, by index; built once.
pub struct FitTable(Vec<Fit>);

impl FitTable {
    pub fn new() -> Self {
        let n = CATEGORIES.len();
        let mut table = vec![Fit::None; n * n];
        for i in 0..n {
            table[i * n + i] = Fit::Exact;
        }
        for (a, related) in RELATED {
            for b in *related {
                if let (Some(a), Some(b)) = (index(a), index(b)) {
                    let (a, b) = (usize::from(a), usize::from(b));
                    table[a * n + b] = Fit::Related;
                    table[b * n + a] = Fit::Related;
                }
            }
        }
        Self(table)
    }

    pub fn fit(&self, need: u8, service: u8) -> Fit {
        self.0[usize::from(need) * CATEGORIES.len() + usize::from(service)]
    }
}

impl Default for FitTable {
    fn default() -> Self {
        Self::new()
    }
}

/// The codes whose services can serve a need of `code`: itself first, then the related ones.
pub fn fitting_codes(code: &str) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = CATEGORIES.iter().filter(|c| c.code == code).map(|c| c.code).collect();
    for (a, related) in RELATED {
        if *a == code {
            codes.extend(related.iter().copied());
        } else if related.contains(&code) {
            codes.push(a);
        }
    }
    codes
}

/// The kind of service space (seed 000, 2.3) that answers needs of a category.
pub fn space_kind(category: &str) -> SpaceKind {
    match category {
        "elderly_care" | "disability" | "housekeeping" => SpaceKind::Elderly,
        "childcare" | "minors" => SpaceKind::Minors,
        "health" | "mental_health" => SpaceKind::Health,
        "education" => SpaceKind::Education,
        "employment" | "social_assistance" | "veterans" => SpaceKind::Employment,
        "culture_sports" => SpaceKind::Fitness,
        _ => SpaceKind::Convenience,
    }
}

/// The catalogue item code (2.3.x) of a space kind.
pub fn catalogue_item_code(kind: SpaceKind) -> &'static str {
    match kind {
        SpaceKind::Elderly => "2.3.1",
        SpaceKind::Minors => "2.3.2",
        SpaceKind::Health => "2.3.3",
        SpaceKind::Education => "2.3.4",
        SpaceKind::Employment => "2.3.5",
        SpaceKind::Fitness => "2.3.6",
        SpaceKind::Convenience => "2.3.7",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_related_code_is_a_category() {
        for (a, related) in RELATED {
            assert!(index(a).is_some(), "{a}");
            for b in *related {
                assert!(index(b).is_some(), "{b}");
            }
        }
    }

    #[test]
    fn fit_is_symmetric_and_exact_on_the_diagonal() {
        let t = FitTable::new();
        let n = CATEGORIES.len() as u8;
        for a in 0..n {
            assert_eq!(t.fit(a, a), Fit::Exact);
            for b in 0..n {
                assert_eq!(t.fit(a, b), t.fit(b, a));
            }
        }
        let (elderly, housekeeping, legal) = (index("elderly_care"), index("housekeeping"), index("legal"));
        assert_eq!(t.fit(elderly.unwrap_or(0), housekeeping.unwrap_or(0)), Fit::Related);
        assert_eq!(t.fit(elderly.unwrap_or(0), legal.unwrap_or(0)), Fit::None);
    }
}
