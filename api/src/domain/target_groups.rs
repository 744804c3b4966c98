//! Target groups (目标群体) named on a resident or a survey: each group at most once, at most
//! [`MAX_TARGET_GROUPS`]; kept in code order so reads and the trail do not depend on how they were sent.

use shared::{FieldRule, MAX_TARGET_GROUPS, TargetGroup};

use super::field_errors::FieldErrors;

/// Adds an error at `{pointer}/{i}` for every group named a second time, and at `pointer` for too many.
pub fn check(groups: &[TargetGroup], pointer: &str, errors: &mut FieldErrors) {
    if groups.len() > MAX_TARGET_GROUPS {
        errors.add(pointer, FieldRule::TooLong, format!("at most {MAX_TARGET_GROUPS} target groups"));
    }
    for (i, g) in groups.iter().enumerate() {
        if groups[..i].contains(g) {
            errors.add(&format!("{pointer}/{i}"), FieldRule::Duplicate, "the same target group twice");
        }
    }
}

/// The groups sorted by code, each once.
pub fn normalised(groups: &[TargetGroup]) -> Vec<TargetGroup> {
    let mut out = groups.to_vec();
    out.sort_by_key(|g| g.as_str());
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_named_twice_is_pointed_at_where_it_repeats() {
        let mut errors = FieldErrors::default();
        check(&[TargetGroup::Elderly, TargetGroup::LowIncome, TargetGroup::Elderly], "/target_groups", &mut errors);
        assert_eq!(errors.pointers(), vec!["/target_groups/2"]);
    }

    #[test]
    fn groups_are_kept_in_code_order() {
        assert_eq!(normalised(&[TargetGroup::LowIncome, TargetGroup::Disabled]), vec![TargetGroup::Disabled, TargetGroup::LowIncome]);
    }
}
