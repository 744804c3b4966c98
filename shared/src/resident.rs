//! Resident accounts: sign-up and sign-in by mainland mobile number and a one-time code, the
//! resident's profile, and residence verification by community staff (待认证 → 已认证, or refused).

use serde::{Deserialize, Serialize};

use crate::{TargetGroup, code_enum};

/// A mainland China mobile number: 11 digits, `1` then `3`–`9`.
pub const MOBILE_PATTERN: &str = "^1[3-9][0-9]{9}$";

/// Whether `phone` is a mainland mobile number ([`MOBILE_PATTERN`]).
pub fn is_mainland_mobile(phone: &str) -> bool {
    let bytes = phone.as_bytes();
    bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1]) && bytes.iter().all(u8::is_ascii_digit)
}

code_enum! {
    /// Where a resident's residence check stands.
    pub enum Verification {
        /// 待认证: signed up, not yet checked by community staff.
        Pending = "pending",
        /// 已认证: community staff confirmed they live there; they may co-sign (and vote, later).
        Verified = "verified",
        /// 未通过: refused, with a reason.
        Refused = "refused",
    }
}

code_enum! {
    /// Why staff refused a residence.
    pub enum RefusalReason {
        /// 不在本社区居住
        NotResident = "not_resident",
        /// 信息无法核实
        Unverifiable = "unverifiable",
        /// 重复账户
        Duplicate = "duplicate",
        /// 其他 (say which in the note)
        Other = "other",
    }
}

code_enum! {
    /// What a one-time code is for.
    pub enum CodePurpose {
        /// Sign up or sign in.
        SignIn = "sign_in",
        /// Move the signed-in account to a new number (the code goes to the new number).
        ChangePhone = "change_phone",
    }
}

/// Send a one-time code to a mobile number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SendCode {
    #[cfg_attr(feature = "openapi", schema(pattern = "^1[3-9][0-9]{9}$", example = "13800138000"))]
    pub phone: String,
    /// `sign_in` when left out.
    #[serde(default)]
    pub purpose: Option<CodePurpose>,
}

/// The same answer for every number, registered or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    /// Seconds the code stays valid.
    pub expires_in: i64,
    /// Seconds before another code may be sent to this number.
    pub resend_after: i64,
}

/// Sign in (or sign up, on first use) with the code sent to the number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SmsSignIn {
    #[cfg_attr(feature = "openapi", schema(pattern = "^1[3-9][0-9]{9}$", example = "13800138000"))]
    pub phone: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$", example = "123456"))]
    pub code: String,
    /// Sign-up: the resident's community (required the first time, ignored afterwards).
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub community_id: Option<i64>,
    /// Sign-up: a grid of that community, when the resident knows it.
    pub grid_id: Option<i64>,
    /// Sign-up: how the resident is called (default: 居民 and the last four digits).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "王芳"))]
    pub display_name: Option<String>,
}

/// A community a new resident may pick at sign-up, with its grids (public: names only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityChoice {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区"))]
    pub name: String,
    /// The street it belongs to, so two communities of one name can be told apart.
    pub street: Option<String>,
    pub grids: Vec<GridChoice>,
}

/// A grid of a [`CommunityChoice`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GridChoice {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "第一网格"))]
    pub name: String,
}

/// The signed-in resident's own profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResidentProfile {
    pub id: i64,
    pub display_name: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub community_id: i64,
    pub community_name: String,
    pub grid_id: Option<i64>,
    pub grid_name: Option<String>,
    pub verification: Verification,
    pub refusal_reason: Option<RefusalReason>,
    pub refusal_note: Option<String>,
}

/// Change one's profile: only the fields present change. Moving to another community asks staff
/// there to verify residence again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfilePatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "王芳"))]
    pub display_name: Option<String>,
    /// The new community (the grid is cleared unless `grid_id` is given too).
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub community_id: Option<i64>,
    /// A grid of the (new or current) community.
    pub grid_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, example = "缤纷小区3幢2单元501室"))]
    pub address: Option<String>,
}

/// Move the account to a new number, with the code sent to that number (`purpose: change_phone`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PhoneChange {
    #[cfg_attr(feature = "openapi", schema(pattern = "^1[3-9][0-9]{9}$", example = "13900139000"))]
    pub phone: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$", example = "123456"))]
    pub code: String,
}

/// A resident as community staff see them; name, phone and address masked for staff who do not
/// handle personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resident {
    pub id: i64,
    pub display_name: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// Their home area (community or grid).
    pub area_id: i64,
    pub area_name: String,
    pub verification: Verification,
    pub refusal_reason: Option<RefusalReason>,
    pub refusal_note: Option<String>,
    /// The target groups (目标群体) staff recorded the resident in, in code order. Sensitive (低保 …):
    /// only on this staff view, never on public pages.
    #[serde(default)]
    pub target_groups: Vec<TargetGroup>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The most target groups one resident or one survey names (each group at most once).
pub const MAX_TARGET_GROUPS: usize = 10;

/// Replace a resident's target groups (目标群体); an empty list clears them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResidentTargetGroups {
    /// Each group at most once.
    #[cfg_attr(feature = "openapi", schema(max_items = 10, example = json!(["elderly", "low_income"])))]
    pub target_groups: Vec<TargetGroup>,
}

/// Refuse a resident's residence, with a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefuseResidence {
    pub reason: RefusalReason,
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "住址不在本社区"))]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainland_mobiles_start_with_one_then_three_to_nine() {
        assert!(is_mainland_mobile("13800138000"));
        assert!(is_mainland_mobile("19912345678"));
        assert!(!is_mainland_mobile("12800138000"));
        assert!(!is_mainland_mobile("1380013800"));
        assert!(!is_mainland_mobile("138001380001"));
        assert!(!is_mainland_mobile("1380013800a"));
        assert!(!is_mainland_mobile("０13800138000"));
    }
}
