//! Users and their roles. Every user has a home area; what they see is that area's subtree.

use serde::{Deserialize, Serialize};

/// What a user is; permissions are decided from the role and the home area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 平台管理员 — everything, everywhere.
    PlatformAdmin,
    /// 区县管理员
    DistrictAdmin,
    /// 街道工作人员
    StreetStaff,
    /// 社区工作者
    CommunityStaff,
    /// 网格员
    GridWorker,
    /// 服务提供方
    Provider,
    /// 志愿者 / 党员
    Volunteer,
    /// 居民
    Resident,
    /// 第三方系统（小程序后台等）
    Integration,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Self::PlatformAdmin,
        Self::DistrictAdmin,
        Self::StreetStaff,
        Self::CommunityStaff,
        Self::GridWorker,
        Self::Provider,
        Self::Volunteer,
        Self::Resident,
        Self::Integration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlatformAdmin => "platform_admin",
            Self::DistrictAdmin => "district_admin",
            Self::StreetStaff => "street_staff",
            Self::CommunityStaff => "community_staff",
            Self::GridWorker => "grid_worker",
            Self::Provider => "provider",
            Self::Volunteer => "volunteer",
            Self::Resident => "resident",
            Self::Integration => "integration",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
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
}
