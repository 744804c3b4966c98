//! 签到表: the residents a meeting's minutes name as present, found by name, phone or #id among the
//! verified residents, each marked as having voted or not. Named residents count in 居民决策性参与比例;
//! attendance by kind stays a number beside them.

use leptos::prelude::*;
use shared::{Resident, SignedIn};

use crate::common::i18n::{tr, use_i18n};
use crate::common::status::ErrorBox;
use crate::residents::endpoints::find_verified;

/// A resident on the sheet.
#[derive(Clone)]
pub struct Signed {
    pub resident: Resident,
    pub voted: RwSignal<bool>,
}

/// The sheet as the decision sends it.
pub fn signed_in(sheet: &[Signed]) -> Vec<SignedIn> {
    sheet.iter().map(|s| SignedIn { resident_id: s.resident.id, voted: s.voted.get_untracked() }).collect()
}

#[component]
pub fn SignInSheet(sheet: RwSignal<Vec<Signed>>) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let find = Action::new_local(|text: &String| {
        let text = text.clone();
        async move { find_verified(&text).await.map(|p| p.items) }
    });
    let searching = find.pending();
    // None: nothing searched yet; Some(Err): the search failed and says why.
    let found = find.value();
    let search = move || {
        let text = q.get_untracked().trim().to_owned();
        if !text.is_empty() {
            find.dispatch_local(text);
        }
    };
    let add = move |r: Resident| {
        sheet.update(|s| {
            if !s.iter().any(|x| x.resident.id == r.id) {
                s.push(Signed { resident: r, voted: RwSignal::new(true) });
            }
        });
    };
    let voters = move || sheet.with(|s| s.iter().filter(|x| x.voted.get()).count());
    view! {
        <div class="sign-in-sheet" data-testid="sign-in-sheet">
            <div class="search-row">
                <input type="search" maxlength="50" data-testid="sign-in-search"
                    aria-label=move || i18n.t(k!("meeting.sign_in_search"))
                    placeholder=move || i18n.t(k!("meeting.sign_in_search"))
                    prop:value=q on:input=move |ev| q.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); search() }/>
                <button type="button" class="btn" data-testid="sign-in-find" disabled=move || searching.get()
                    on:click=move |_| search()>{tr(k!("action.search"))}</button>
            </div>
            {move || found.get().map(|result| match result {
                Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted" data-testid="sign-in-none">{tr(k!("meeting.sign_in_none"))}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="pick-list" data-testid="sign-in-found">
                        {list.into_iter().map(|r| {
                            let id = r.id;
                            let on_sheet = move || sheet.with(|s| s.iter().any(|x| x.resident.id == id));
                            let label = person(&r);
                            let chosen = r.clone();
                            view! {
                                <li>
                                    <span>{label}</span>
                                    <button type="button" class="btn btn-small" data-testid="sign-in-add" data-resident-id=id
                                        disabled=on_sheet on:click=move |_| add(chosen.clone())>
                                        {move || i18n.t(if on_sheet() { k!("meeting.sign_in_added") } else { k!("meeting.sign_in_add") })}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
            <ul class="pick-list signed" data-testid="sign-in-list">
                <For each=move || sheet.get() key=|s| s.resident.id children=move |s: Signed| {
                    let (id, voted) = (s.resident.id, s.voted);
                    view! {
                        <li data-testid="signed-resident" data-resident-id=id>
                            <span>{person(&s.resident)}</span>
                            <label class="check">
                                <input type="checkbox" data-testid="signed-voted" prop:checked=voted
                                    on:change=move |ev| voted.set(event_target_checked(&ev))/>
                                {tr(k!("meeting.sign_in_voted"))}
                            </label>
                            <button type="button" class="btn btn-small" data-testid="signed-remove"
                                on:click=move |_| sheet.update(|list| list.retain(|x| x.resident.id != id))>
                                {tr(k!("meeting.remove_kind"))}
                            </button>
                        </li>
                    }
                }/>
            </ul>
            <p class="muted" data-testid="sign-in-count">
                {move || i18n.t(k!("meeting.sign_in_count")).replace("{n}", &sheet.with(Vec::len).to_string()).replace("{v}", &voters().to_string())}
            </p>
        </div>
    }
}

/// Name, masked phone and #id as the server sent them (masked for staff who do not handle them).
fn person(r: &Resident) -> String {
    match &r.phone {
        Some(phone) => format!("{} · {phone} · #{}", r.display_name, r.id),
        None => format!("{} · #{}", r.display_name, r.id),
    }
}
