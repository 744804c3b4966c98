//! The neighbourhood (身边服务): services and service spaces that serve a community, nearest first
//! with walking minutes — for signed-in residents and, from the public pages, for visitors. Public
//! fields only: no person's name or phone, no contact of a provider.

use serde::{Deserialize, Serialize};

use crate::{CostKind, GeoPoint, NeedCategory, ServiceMode, SpaceKind, TimeSlot, code_enum};

code_enum! {
    /// What a place of the neighbourhood is.
    pub enum PlaceKind {
        /// 服务项目: a service a provider or volunteer offers
        Service = "service",
        /// 服务空间: a community service space
        Space = "space",
    }
}

/// A service or service space near the resident, with public fields only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearbyPlace {
    pub kind: PlaceKind,
    /// The service's or space's id (ids of the two kinds overlap; `kind` tells them apart).
    pub id: i64,
    pub name: String,
    /// A service's need category code (`elderly_care`, …); absent for a space.
    pub category: Option<String>,
    /// A space's kind; absent for a service.
    pub space_kind: Option<SpaceKind>,
    /// What a service offers; empty for a space.
    pub description: String,
    pub cost: Option<CostKind>,
    pub mode: Option<ServiceMode>,
    /// The organisation that offers or runs it (never a person's name).
    pub provider_name: Option<String>,
    /// A space's public address.
    pub address: Option<String>,
    pub point: Option<GeoPoint>,
    /// Minutes on foot from where the resident is (or the community's centre); absent when either
    /// point is unknown. Street distance estimated from the straight line.
    pub walking_minutes: Option<i32>,
    /// A service's weekly schedule or a space's opening hours.
    pub hours: Vec<TimeSlot>,
    /// The area the place belongs to.
    pub area_name: String,
}

/// A page of the neighbourhood, and where the walking minutes are counted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Neighbourhood {
    pub community_id: i64,
    pub community_name: String,
    /// The point minutes are counted from: the position given, else the community's centre.
    pub origin: Option<GeoPoint>,
    pub items: Vec<NearbyPlace>,
    /// The service categories of the community's places, whatever the filter: what a category filter
    /// offers, with names in both languages (visitors cannot read the category list).
    pub categories: Vec<NeedCategory>,
    /// Pass as `cursor` to get the next page; absent when there is none.
    pub next_cursor: Option<String>,
}
