//! 邻里需求: neighbours' open needs in the resident's community, without personal data, to co-sign
//! (需求众筹) — once per person, so the button turns into 已附议.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::NeedSummary;

use crate::common::api::{self, ApiError};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::status::error_text;
use crate::needs::badges::{StatusBadge, excerpt};
use crate::needs::labels::use_categories;

/// `/m/community`.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let i18n = use_i18n();
    let needs = Paged::<NeedSummary>::new();
    needs.reload(api::community_needs);
    let more = Callback::new(move |()| needs.more(api::community_needs));
    let retry = Callback::new(move |()| needs.reload(api::community_needs));
    view! {
        <h1 class="m-title">{move || i18n.t(k!("m.community"))}</h1>
        <p class="muted m-hint">{move || i18n.t(k!("m.community_hint"))}</p>
        <ul class="m-cards" data-testid="community-needs">
            <For each=move || needs.items.get() key=|n| n.id let:need>
                <CosignCard need/>
            </For>
        </ul>
        {needs.footer(k!("state.no_community"), more, retry)}
    }
}

#[component]
fn CosignCard(need: NeedSummary) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let category = need.category.clone();
    let id = need.id;
    let count = RwSignal::new(need.cosign_count);
    let cosigned = RwSignal::new(need.cosigned);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let cosign = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::cosign(id).await {
                Ok(summary) => {
                    count.set(summary.cosign_count);
                    cosigned.set(summary.cosigned);
                }
                // Already co-signed (from another device): show it as done.
                Err(e) if e.status() == 409 => cosigned.set(true),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <li class="m-card" data-testid="community-need" data-need-id=id>
            <span class="m-card-head">
                <strong>{move || categories.name(i18n, &category)}</strong>
                <StatusBadge status=need.status/>
            </span>
            <span class="m-card-text">{excerpt(&need.text, 80)}</span>
            <span class="m-card-foot">
                <span class="muted">{need.area_name.clone()}" · "{local_time(&need.created_at)}</span>
                <span class="spacer"></span>
                <span class="muted" data-testid="cosign-count">{count}" "{move || i18n.t(k!("m.cosigners"))}</span>
                <button type="button" class="btn btn-small" class:btn-primary=move || !cosigned.get()
                    data-testid="cosign" disabled=move || cosigned.get() || busy.get() on:click=cosign>
                    {move || if cosigned.get() { i18n.t(k!("m.cosigned")) } else { i18n.t(k!("m.cosign")) }}
                </button>
            </span>
            {move || error.get().map(|e| view! {
                <span class="field-error" role="alert">{error_text(i18n, &e)}</span>
            })}
        </li>
    }
}
