//! The one scoped loader: a row is fetched for a caller through its entity's [`Scoped`] rule, so a
//! list and a single read can never disagree about who sees what.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PrimaryKeyTrait, QueryFilter, Select};
use shared::Id;

use super::{Action, Refused, require};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{
    activity, area, integration_client, ledger_account, ledger_transfer, matching_plan, need, notification, program, provider, resident,
    service, service_person, service_space, shop_item, shop_order, survey, topic, user, webhook_endpoint,
};

/// An entity whose rows belong to an area (or to an owner): implement once, and [`load`] and
/// [`visible`] answer for every endpoint of the domain.
pub trait Scoped: EntityTrait {
    /// What the row is called in a 404 (`"need"`, `"provider"`).
    const NAME: &'static str;
    /// The action a caller needs to see rows of this kind at all (403 without it).
    const READ: Action;
    /// The rows the caller may see, as a query condition.
    fn reach(caller: &Caller) -> Condition;
}

/// The rows of `E` the caller may see, ready for more filters, sorting and paging.
pub fn visible<E: Scoped>(caller: &Caller) -> Result<Select<E>, Refused> {
    require(caller, E::READ)?;
    Ok(E::find().filter(E::reach(caller)))
}

/// One row of `E` for the caller: 403 when their role reads no such rows, 404 when it is missing or
/// outside their reach (the two look the same, so existence is not revealed).
pub async fn load<E, C>(db: &C, caller: &Caller, id: Id) -> Result<E::Model, Refused>
where
    E: Scoped,
    C: ConnectionTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Id>,
{
    require(caller, E::READ)?;
    E::find_by_id(id).filter(E::reach(caller)).one(db).await?.ok_or(Refused::NotFound(E::NAME))
}

/// An entity owned by an area: what a caller reaches is exactly their [`Scope`], so the system (demo
/// seeding, the CLI) and "filter by this area" can load rows through a scope of their own.
pub trait AreaOwned: Scoped {
    fn within(scope: &Scope) -> Condition;
}

/// One row of `E` inside `scope`, or 404. For callers, prefer [`load`], which also asks the table.
pub async fn load_within<E, C>(db: &C, scope: &Scope, id: Id) -> Result<E::Model, Refused>
where
    E: AreaOwned,
    C: ConnectionTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Id>,
{
    E::find_by_id(id).filter(E::within(scope)).one(db).await?.ok_or(Refused::NotFound(E::NAME))
}

/// Implements [`Scoped`] and [`AreaOwned`] for an entity whose rows name their area by `$column`
/// (a materialised path, or an area id).
macro_rules! area_owned {
    ($($entity:ident . $column:ident by $condition:ident: $name:literal, $read:ident;)+) => {$(
        impl Scoped for $entity::Entity {
            const NAME: &'static str = $name;
            const READ: Action = Action::$read;
            fn reach(caller: &Caller) -> Condition {
                <Self as AreaOwned>::within(&Scope::of(caller))
            }
        }
        impl AreaOwned for $entity::Entity {
            fn within(scope: &Scope) -> Condition {
                scope.$condition($entity::Column::$column)
            }
        }
    )+};
}

area_owned! {
    area.Path by path_condition: "area", ReadAreas;
    user.AreaId by area_id_condition: "user", ManageUsers;
    provider.AreaPath by path_condition: "provider", ReadResources;
    service_person.AreaPath by path_condition: "person", ReadResources;
    service_space.AreaPath by path_condition: "space", ReadResources;
    service.AreaPath by path_condition: "service", ReadResources;
    program.AreaPath by path_condition: "program", ReadPrograms;
    matching_plan.AreaPath by path_condition: "plan", MatchNeeds;
    ledger_account.AreaPath by path_condition: "account", ReadLedger;
    ledger_transfer.AreaPath by path_condition: "transfer", ReadLedger;
    integration_client.AreaPath by path_condition: "integration client", ManageIntegrationClients;
}

impl Scoped for need::Entity {
    const NAME: &'static str = "need";
    const READ: Action = Action::ReadNeeds;
    fn reach(caller: &Caller) -> Condition {
        super::needs::reach(caller)
    }
}

impl Scoped for webhook_endpoint::Entity {
    const NAME: &'static str = "webhook";
    const READ: Action = Action::ManageWebhooks;
    /// Endpoints belong to who registered them; the platform admin sees all.
    fn reach(caller: &Caller) -> Condition {
        if Scope::of(caller).is_global() { Condition::all() } else { Condition::all().add(webhook_endpoint::Column::OwnerId.eq(caller.id)) }
    }
}

impl Scoped for notification::Entity {
    const NAME: &'static str = "notification";
    const READ: Action = Action::ReadOwnNotifications;
    /// An inbox belongs to its recipient alone: not even the platform admin reads another's.
    fn reach(caller: &Caller) -> Condition {
        Condition::all().add(notification::Column::RecipientId.eq(caller.id))
    }
}

impl Scoped for resident::Entity {
    const NAME: &'static str = "resident";
    const READ: Action = Action::ReadResidents;
    /// Resident accounts whose home (community or grid) is in the caller's subtree.
    fn reach(caller: &Caller) -> Condition {
        super::residents::reach(&Scope::of(caller))
    }
}

impl Scoped for topic::Entity {
    const NAME: &'static str = "topic";
    const READ: Action = Action::ReadTopics;
    fn reach(caller: &Caller) -> Condition {
        super::topics::reach(caller)
    }
}

impl Scoped for survey::Entity {
    const NAME: &'static str = "survey";
    const READ: Action = Action::ReadSurveys;
    fn reach(caller: &Caller) -> Condition {
        super::surveys::reach(caller)
    }
}

impl Scoped for shop_item::Entity {
    const NAME: &'static str = "item";
    const READ: Action = Action::ReadShopItems;
    fn reach(caller: &Caller) -> Condition {
        super::shop::item_reach(caller)
    }
}

impl Scoped for shop_order::Entity {
    const NAME: &'static str = "order";
    /// Everyone who sees the shop may ask for an order; [`super::shop::order_reach`] answers 404 for
    /// every order that is not theirs, their item's, or their subtree's.
    const READ: Action = Action::ReadShopItems;
    fn reach(caller: &Caller) -> Condition {
        super::shop::order_reach(caller)
    }
}

impl Scoped for activity::Entity {
    const NAME: &'static str = "activity";
    const READ: Action = Action::ReadActivities;
    fn reach(caller: &Caller) -> Condition {
        super::activities::reach(caller)
    }
}
