//! `/activities/:id` 活动详情: one activity — when, where, organiser, places, the hours it credits —
//! with the lifecycle moves the API allows the caller now (`allowed_actions`: 发布, 截止报名, 重新报名,
//! 结束, 取消; the last two after a confirmation), the check-in code of this minute for volunteers to
//! type ([`crate::activities::code_panel`]) and the sign-ups with attendance
//! ([`crate::activities::signups`]).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::{Activity, ActivityAction, ActivityStatus, Id};

use crate::activities::code_panel::CodePanel;
use crate::activities::endpoints::{activity, activity_action};
use crate::activities::list_page::ActivityStatusBadge;
use crate::activities::signups::Signups;
use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading, error_text};
use crate::ledger::amount::amount_text;

/// `/activities/:id`.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/activities" data-testid="activity-back">"← "{tr(k!("activity.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <ActivityPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}

/// Moves that cannot be taken back from here ask first.
fn asks_first(action: ActivityAction) -> bool {
    matches!(action, ActivityAction::Finish | ActivityAction::Cancel)
}

#[component]
fn ActivityPanel(id: Id) -> impl IntoView {
    let loaded = LocalResource::new(move || activity(id));
    let retry = Callback::new(move |()| loaded.refetch());
    // Sign-ups change the places taken: read the activity again after each (what is shown stays
    // until the answer comes).
    let changed = Callback::new(move |()| loaded.refetch());
    // The code and the sign-ups are drawn again only when the status changes, not on every reload.
    let status = Memo::new(move |_| loaded.with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).map(|a| a.status)));
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|answer| match answer {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(a) => view! { <Head activity=a loaded/> }.into_any(),
            })}
        </Transition>
        {move || status.get().map(|status| view! {
            {matches!(status, ActivityStatus::Open | ActivityStatus::Closed).then(|| view! { <CodePanel id/> })}
            <Signups id on_changed=changed/>
        })}
    }
}

#[component]
fn Head(activity: Activity, loaded: LocalResource<ApiResult<Activity>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = activity.id;
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<ActivityAction>);
    let note = RwSignal::new(String::new());
    let act = move |action: ActivityAction| {
        busy.set(true);
        error.set(None);
        let note = Some(note.get_untracked().trim().to_owned()).filter(|n| !n.is_empty());
        spawn_local(async move {
            let answer = activity_action(id, action, note).await;
            busy.set(false);
            pending.set(None);
            // Last: the fresh activity draws this head anew, and these signals go with the old one.
            match answer {
                Ok(fresh) => loaded.set(Some(Ok(fresh))),
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };
    let editable = matches!(activity.status, ActivityStatus::Draft | ActivityStatus::Open | ActivityStatus::Closed);
    let credit = activity.credit_minutes;
    let actions = activity.allowed_actions.clone();
    view! {
        <div class="page-head">
            <h1 class="page-title" data-testid="activity-title">{activity.title.clone()}</h1>
            <ActivityStatusBadge status=activity.status/>
            <div class="spacer"></div>
            {move || (editable && session.permissions().organise_activities).then(|| view! {
                <a class="btn" href=format!("/activities/{id}/edit") data-testid="activity-edit">{tr(k!("action.edit"))}</a>
            })}
        </div>
        <div class="form-buttons activity-actions" data-testid="activity-actions">
            {actions.into_iter().map(|action| view! {
                <button type="button" class={if asks_first(action) { "btn" } else { "btn btn-primary" }}
                    data-testid="activity-action" data-action=action.as_str() disabled=busy
                    on:click=move |_| if asks_first(action) { pending.set(Some(action)) } else { act(action) }>
                    {tr_word(words!("aaction"), action.as_str().to_owned())}
                </button>
            }).collect_view()}
        </div>
        {move || pending.get().map(|action| view! {
            <div class="panel confirm" role="alertdialog" data-testid="activity-confirm">
                <p>{tr(if action == ActivityAction::Cancel { k!("activity.cancel_confirm") } else { k!("activity.finish_confirm") })}</p>
                <label class="field">
                    <span class="field-label">{tr(k!("activity.note"))}</span>
                    <input type="text" maxlength="500" data-testid="activity-note" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))/>
                </label>
                <div class="form-buttons">
                    <button type="button" class="btn btn-primary" disabled=busy data-testid="activity-confirm-yes" on:click=move |_| act(action)>
                        {tr_word(words!("aaction"), action.as_str().to_owned())}
                    </button>
                    <button type="button" class="btn btn-ghost" on:click=move |_| pending.set(None)>{tr(k!("action.cancel"))}</button>
                </div>
            </div>
        })}
        {move || error.get().map(|e| view! { <p class="form-summary" role="alert" data-testid="activity-error">{e}</p> })}
        <dl class="facts" data-testid="activity-facts">
            <dt>{tr(k!("activity.when"))}</dt><dd>{local_time(&activity.starts_at)}" – "{local_time(&activity.ends_at)}</dd>
            <dt>{tr(k!("activity.place"))}</dt><dd>{activity.place.clone()}</dd>
            <dt>{tr(k!("activity.organiser"))}</dt><dd>{activity.organiser_name.clone()}" · "{activity.area_name.clone()}</dd>
            <dt>{tr(k!("activity.places"))}</dt>
            <dd data-testid="activity-places">
                {move || i18n.t(k!("activity.places_text")).replace("{confirmed}", &activity.confirmed.to_string())
                    .replace("{capacity}", &activity.capacity.to_string()).replace("{waiting}", &activity.waiting.to_string())}
            </dd>
            <dt>{tr(k!("activity.credit_minutes"))}</dt><dd>{move || amount_text(i18n, shared::LedgerUnit::Minutes, credit, false)}</dd>
            {(!activity.description.is_empty()).then(|| view! {
                <dt>{tr(k!("activity.description"))}</dt><dd>{activity.description.clone()}</dd>
            })}
        </dl>
    }
}
