//! The dispatch verdict (派单核验): whether a need may be dispatched through a service now, and if
//! not, why — in the words the candidates list uses for its exclusions. The needs lifecycle asks it
//! when a dispatch names a service; the facts it weighs are loaded by `services::matching::dispatch`.

use shared::{FieldRule, Id};

use super::geo::Walking;
use super::score::{Exclusion, NeedFacts, Rules, ServiceFacts};

/// Why a service may not take a need. `code` is the field error code the client sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no active service with this id")]
    NotFound,
    #[error("the service is of an unrelated category")]
    Category,
    #[error("the service is not for this need's target group or age")]
    Eligibility,
    #[error("the need lies outside the areas the service serves")]
    OutOfArea,
    #[error("the service has no places left this week")]
    Full,
    #[error("the service's provider or person has no active account to receive needs")]
    NoAccount,
}

impl Refusal {
    /// The stable code of the refusal, as a field error code on `/service_id`.
    pub fn code(self) -> shared::FieldRule {
        match self {
            Refusal::NotFound => FieldRule::NotFound,
            Refusal::Category => FieldRule::Category,
            Refusal::Eligibility => FieldRule::Eligibility,
            Refusal::OutOfArea => FieldRule::OutOfArea,
            Refusal::Full => FieldRule::Full,
            Refusal::NoAccount => FieldRule::NoAccount,
        }
    }
}

impl From<Exclusion> for Refusal {
    fn from(why: Exclusion) -> Self {
        match why {
            Exclusion::Category => Refusal::Category,
            Exclusion::Eligibility => Refusal::Eligibility,
            Exclusion::Area => Refusal::OutOfArea,
            Exclusion::Full => Refusal::Full,
        }
    }
}

/// Whether the service may take the need, by the candidates' eligibility rules.
pub fn admits(need: &NeedFacts, service: &ServiceFacts) -> Result<(), Refusal> {
    // Walking only weighs the score; eligibility does not depend on it.
    Rules::new(Walking::default()).assess(need, service).map(|_| ()).map_err(Refusal::from)
}

/// Who receives a need dispatched through an eligible service: the active account of its provider
/// or person; without one the service cannot take needs.
pub fn receiver(account: Option<Id>) -> Result<Id, Refusal> {
    account.ok_or(Refusal::NoAccount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_exclusion_is_refused_with_the_code_the_candidates_use() {
        let codes: Vec<&str> = [Exclusion::Category, Exclusion::Eligibility, Exclusion::Area, Exclusion::Full]
            .map(|e| Refusal::from(e).code().as_str())
            .to_vec();
        assert_eq!(codes, ["category", "eligibility", "out_of_area", "full"]);
    }

    #[test]
    fn a_service_without_an_active_account_cannot_receive_needs() {
        assert_eq!(receiver(None), Err(Refusal::NoAccount));
        assert_eq!(receiver(Some(7)), Ok(7));
    }
}
