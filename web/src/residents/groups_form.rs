//! Setting a resident's target groups (目标群体: 老年人, 低保对象 …): checkbox chips with the needs'
//! labels, saved whole with `PUT /residents/{id}/target-groups`; the server's field errors show in
//! the summary. Shown only to staff whose `/me` says they may (`set_resident_target_groups`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Resident, TargetGroup};

use crate::common::form::{FormButtons, FormState, FormSummary};
use crate::common::i18n::use_i18n;
use crate::common::widgets::TargetGroupPicks;
use crate::residents::endpoints;

/// The form under one resident's card, starting from `current`; `on_done` gets the saved resident.
#[component]
pub fn GroupsForm(id: i64, current: Vec<TargetGroup>, on_done: Callback<Resident>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let groups = RwSignal::new(current);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let chosen = groups.get_untracked();
        spawn_local(async move {
            match endpoints::set_target_groups(id, chosen).await {
                Ok(saved) => {
                    form.done();
                    on_done.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="m-form" on:submit=submit data-testid="groups-form" novalidate
            style="display: flex; flex-direction: column; gap: 8px;">
            <div class="field" role="group" data-field="/target_groups">
                <span class="field-label">{move || i18n.t(k!("residents.target_groups"))}</span>
                <TargetGroupPicks selected=groups testid="resident-groups-picks"/>
                <span class="field-hint">{move || i18n.t(k!("residents.target_groups_hint"))}</span>
            </div>
            <FormSummary form placed=&[]/>
            <FormButtons form on_cancel submit_key=k!("residents.save_groups")/>
        </form>
    }
}
