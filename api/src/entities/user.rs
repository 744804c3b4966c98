//! `users`: accounts with a role and a home area.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub area_id: i64,
    pub password_hash: String,
    pub active: bool,
    pub demo: bool,
    /// Mainland mobile number of a resident account (personal data; cleared on deletion).
    pub phone: Option<String>,
    /// Home address a resident gave (personal data).
    pub address: Option<String>,
    /// Residence verification, a `Verification` code (staff-created accounts are `verified`).
    pub verification: String,
    /// Why residence was refused, a `RefusalReason` code.
    pub refusal_reason: Option<String>,
    pub refusal_note: Option<String>,
    pub verified_by: Option<i64>,
    pub verified_at: Option<DateTimeUtc>,
    /// First sign-in by code; `None` for a record created from a need taken by phone.
    pub signed_up_at: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
    /// A merchant's provider: the organisation that sells (商户 → 服务主体).
    pub provider_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::area::Entity", from = "Column::AreaId", to = "super::area::Column::Id")]
    Area,
}

impl Related<super::area::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Area.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
