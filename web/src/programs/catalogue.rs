//! The co-building catalogue (共建内容) of the newest year, loaded once per page view and shared
//! through context by the program filters and the program form; plus the grouping of a year's
//! entries into directions → sections → items that the catalogue page and the picker draw.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{CatalogueEntry, Id};

use crate::common::api::{self, ApiError};
use crate::common::i18n::{I18n, Locale};

/// The newest catalogue. `Copy`: every field is a signal.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    pub entries: RwSignal<Option<Result<Vec<CatalogueEntry>, ApiError>>>,
    requested: StoredValue<bool>,
}

impl Catalogue {
    /// Asks the server once (again when `force`, e.g. after a failure).
    pub fn load(self, force: bool) {
        if self.requested.get_value() && !force {
            return;
        }
        self.requested.set_value(true);
        self.entries.set(None);
        spawn_local(async move {
            let answer = api::catalogue(None).await;
            if answer.is_err() {
                self.requested.set_value(false);
            }
            self.entries.set(Some(answer));
        });
    }

    /// The content items (level `item`), in document order. Tracked.
    pub fn items(&self) -> Vec<CatalogueEntry> {
        self.entries.with(|e| match e {
            Some(Ok(list)) => list.iter().filter(|e| e.level == "item").cloned().collect(),
            _ => Vec::new(),
        })
    }

    /// The catalogue grouped for drawing; empty while loading. Tracked.
    pub fn tree(&self) -> Vec<Direction> {
        self.entries.with(|e| match e {
            Some(Ok(list)) => group(list),
            _ => Vec::new(),
        })
    }

    /// Forgets the cache, e.g. after an admin renamed an entry.
    pub fn invalidate(self) {
        self.requested.set_value(false);
    }
}

/// The shared catalogue; the first caller starts the load.
pub fn use_catalogue() -> Catalogue {
    let catalogue = use_context::<Catalogue>().unwrap_or_else(|| {
        let c = Catalogue { entries: RwSignal::new(None), requested: StoredValue::new(false) };
        provide_context(c);
        c
    });
    catalogue.load(false);
    catalogue
}

/// Puts an empty catalogue into context at the app root, so all pages share one load.
pub fn provide_catalogue() {
    provide_context(Catalogue { entries: RwSignal::new(None), requested: StoredValue::new(false) });
}

/// A direction (一级方向) with its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Direction {
    pub entry: CatalogueEntry,
    pub sections: Vec<Section>,
}

/// A section (二级) with its content items (三级).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub entry: CatalogueEntry,
    pub items: Vec<CatalogueEntry>,
}

/// Directions → sections → items by `parent_code`, keeping document order. An entry whose parent
/// is missing is dropped rather than shown in the wrong place.
pub fn group(entries: &[CatalogueEntry]) -> Vec<Direction> {
    let children = |code: &str, level: &str| -> Vec<CatalogueEntry> {
        entries.iter().filter(|e| e.level == level && e.parent_code.as_deref() == Some(code)).cloned().collect()
    };
    entries
        .iter()
        .filter(|e| e.level == "direction")
        .map(|d| Direction {
            sections: children(&d.code, "section").into_iter().map(|s| Section { items: children(&s.code, "item"), entry: s }).collect(),
            entry: d.clone(),
        })
        .collect()
}

/// The entry's name in the current locale. Tracked.
pub fn entry_name(i18n: I18n, zh: &str, en: &str) -> String {
    match i18n.locale() {
        Locale::Zh => zh.to_owned(),
        Locale::En => en.to_owned(),
    }
}

/// The item `id`'s code and name, when the catalogue is loaded and has it. Tracked.
pub fn item_label(catalogue: Catalogue, i18n: I18n, id: Id) -> Option<String> {
    catalogue.entries.with(|e| match e {
        Some(Ok(list)) => list.iter().find(|e| e.id == id).map(|e| format!("{} {}", e.code, entry_name(i18n, &e.name_zh, &e.name_en))),
        _ => None,
    })
}
