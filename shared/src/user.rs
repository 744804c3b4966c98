//! Users and their roles. Every user has a home area; what they see is that area's subtree.

use serde::{Deserialize, Serialize};

use crate::code_enum;

code_enum! {
    /// What a user is; permissions are decided from the role and the home area.
    pub enum Role {
        /// 平台管理员 — everything, everywhere.
        PlatformAdmin = "platform_admin",
        /// 区县管理员
        DistrictAdmin = "district_admin",
        /// 街道工作人员
        StreetStaff = "street_staff",
        /// 社区工作者
        CommunityStaff = "community_staff",
        /// 网格员
        GridWorker = "grid_worker",
        /// 服务提供方
        Provider = "provider",
        /// 志愿者 / 党员
        Volunteer = "volunteer",
        /// 居民
        Resident = "resident",
        /// 第三方系统（小程序后台等）
        Integration = "integration",
        /// 商户 — offers items in the points shop (积分商城) and fulfils their orders.
        Merchant = "merchant",
    }
}

/// A user as the API returns it. Never carries the password hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub area_id: i64,
    pub area_name: String,
    pub active: bool,
    /// A merchant's provider: the organisation the merchant sells for.
    pub provider_id: Option<i64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Create a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    /// Lower-case letters, digits, `.`, `_`, `-`; 3–32 characters.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9._-]{3,32}$", example = "wangfang"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "王芳"))]
    pub display_name: String,
    pub role: Role,
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, example = "xingfu-jiayuan-2026"))]
    pub password: String,
    /// A merchant's provider (required for a merchant, refused for any other role): a provider of
    /// your area that sells.
    #[serde(default)]
    pub provider_id: Option<i64>,
}

/// Change a user: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "王芳"))]
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub area_id: Option<i64>,
    /// Deactivating a user also revokes their refresh tokens.
    pub active: Option<bool>,
    /// Sets a new password and revokes their refresh tokens.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, example = "xingfu-jiayuan-2026"))]
    pub password: Option<String>,
    /// A merchant's new provider. A user who stops being a merchant loses theirs.
    pub provider_id: Option<i64>,
}
