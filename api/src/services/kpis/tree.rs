//! The area subtree a KPI question is about, loaded once: children for drill-down and roll-up, and
//! the community profiles (population, households, facility area) summed per area.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, ChildArea, Id};

use crate::domain::scope::{Scope, path_ids};
use crate::entities::area;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::error::ApiError;

pub struct Tree {
    pub root: area::Model,
    pub root_kind: AreaKind,
    pub areas: HashMap<Id, area::Model>,
    /// The kind of every area, read from its row once on loading: an unknown kind fails the load.
    kinds: HashMap<Id, AreaKind>,
    /// Children of each area, by name.
    pub children: HashMap<Id, Vec<Id>>,
}

impl Tree {
    pub async fn load<C: ConnectionTrait>(db: &C, root: area::Model) -> Result<Tree, ApiError> {
        let rows = area::Entity::find().filter(Scope::subtree(&root.path).path_condition(area::Column::Path)).all(db).await?;
        let mut children: HashMap<Id, Vec<Id>> = HashMap::new();
        let mut sorted: Vec<&area::Model> = rows.iter().filter(|a| a.id != root.id).collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        for a in sorted {
            if let Some(parent) = a.parent_id {
                children.entry(parent).or_default().push(a.id);
            }
        }
        let kinds = rows.iter().map(|a| Ok((a.id, stored(&a.kind, "areas", a.id)?))).collect::<Result<_, StoredValueInvalid>>()?;
        let root_kind = stored(&root.kind, "areas", root.id)?;
        let areas = rows.into_iter().map(|a| (a.id, a)).collect();
        Ok(Tree { root, root_kind, areas, kinds, children })
    }

    /// The kind of an area of the tree; `None` for one outside it.
    pub fn kind(&self, id: Id) -> Option<AreaKind> {
        self.kinds.get(&id).copied()
    }

    pub fn children_of(&self, id: Id) -> &[Id] {
        self.children.get(&id).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn child_areas(&self, id: Id) -> Vec<ChildArea> {
        self.children_of(id)
            .iter()
            .filter_map(|c| Some((self.areas.get(c)?, self.kind(*c)?)))
            .map(|(a, kind)| ChildArea { id: a.id, name: a.name.clone(), kind })
            .collect()
    }

    /// The area and everything under it.
    pub fn subtree(&self, id: Id) -> Vec<Id> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            out.extend_from_slice(self.children_of(out[i]));
            i += 1;
        }
        out
    }

    /// Communities in the area's subtree (the area itself if it is one).
    pub fn communities(&self, id: Id) -> Vec<&area::Model> {
        self.subtree(id).into_iter().filter(|i| self.kind(*i) == Some(AreaKind::Community)).filter_map(|i| self.areas.get(&i)).collect()
    }

    /// The community a record with this area path belongs to, if it lies in the tree at or below one.
    pub fn community_of(&self, path: &str) -> Option<Id> {
        path_ids(path).into_iter().find(|id| self.kind(*id) == Some(AreaKind::Community))
    }

    /// The root's child (or the root itself) a record with this path falls under.
    pub fn branch_of(&self, path: &str, top: Id) -> Option<Id> {
        let ids = path_ids(path);
        let at = ids.iter().position(|&i| i == top)?;
        Some(ids.get(at + 1).copied().filter(|c| self.children_of(top).contains(c)).unwrap_or(top))
    }

    /// A profile figure summed over the communities of the area's subtree; `None` if none has it.
    pub fn profile_sum(&self, id: Id, field: fn(&area::Model) -> Option<f64>) -> Option<f64> {
        self.communities(id).into_iter().filter_map(field).fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
    }
}

pub fn population(a: &area::Model) -> Option<f64> {
    a.population.map(|v| v as f64)
}

pub fn households(a: &area::Model) -> Option<f64> {
    a.households.map(|v| v as f64)
}

pub fn facility_area(a: &area::Model) -> Option<f64> {
    a.facility_area_m2
}
