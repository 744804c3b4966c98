//! How each kind of resource is counted (资金、技术 in fen; 人才 in person-days and people; 物资 in
//! units, optionally valued in fen). Pledge and delivery checks and the spec's body schema both read
//! this table, so they cannot disagree.

use shared::ResourceKind;

/// The quantity fields a kind uses: `measure` must be given and be more than 0; the rest of `allowed`
/// may be given; a pledge also names every field of `pledge_requires`.
pub struct Measures {
    pub measure: &'static str,
    pub allowed: &'static [&'static str],
    pub pledge_requires: &'static [&'static str],
}

/// Every quantity field, in the wire order.
pub const FIELDS: [&str; 4] = ["amount_fen", "people", "person_days", "quantity"];

pub fn measures(kind: ResourceKind) -> Measures {
    match kind {
        ResourceKind::Funds | ResourceKind::Technology => {
            Measures { measure: "amount_fen", allowed: &["amount_fen"], pledge_requires: &[] }
        }
        ResourceKind::Talent => Measures { measure: "person_days", allowed: &["people", "person_days"], pledge_requires: &["people"] },
        ResourceKind::Materials => Measures { measure: "quantity", allowed: &["quantity", "amount_fen"], pledge_requires: &[] },
    }
}

/// Materials are counted in a unit (台, 份, 套 …) a pledge must name.
pub fn needs_unit(kind: ResourceKind) -> bool {
    kind == ResourceKind::Materials
}
