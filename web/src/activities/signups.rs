//! An activity's sign-ups (报名名单) in the order they were made, the waiting list's order (候补第 n
//! 位), and attendance: staff on site check people in and out without a code (checking out credits
//! the hours once), organisers cancel a sign-up before check-in (the place goes to the first one
//! waiting) and take back a mistaken credit with a reason (by reversal in the ledger).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{AttendanceStep, FieldRule, Id, Signup, SignupStatus};

use crate::activities::endpoints::{cancel_signup, record_attendance, revoke_credit, signups};
use crate::common::api::ApiResult;
use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading, error_text};
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEADS: [Key; 5] = [k!("signup.name"), k!("signup.status"), k!("signup.checked_in"), k!("signup.checked_out"), k!("signup.credit")];

/// The list with its totals; `on_changed` after every change (the activity's places move with it).
#[component]
pub fn Signups(id: Id, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    // Reloaded after each change with the list still shown (a Transition), so rows do not jump.
    let list = LocalResource::new(move || signups(id));
    let retry = Callback::new(move |()| list.refetch());
    let changed = Callback::new(move |()| {
        list.refetch();
        on_changed.run(());
    });
    view! {
        <section class="signups" data-testid="signups">
            <h2>{tr(k!("signup.title"))}</h2>
            <Transition fallback=|| view! { <Loading/> }>
            {move || list.get().map(|answer| match answer {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(l) if l.items.is_empty() => view! { <Empty key=k!("signup.none")/> }.into_any(),
                Ok(l) => view! {
                    <p class="muted" data-testid="signup-totals">
                        {move || i18n.t(k!("signup.totals")).replace("{confirmed}", &l.confirmed.to_string())
                            .replace("{waiting}", &l.waiting.to_string()).replace("{attended}", &l.attended.to_string())}
                    </p>
                    <div class="table-wrap">
                        <table class="table signup-table" data-testid="signup-table">
                            <HeadRow keys=&HEADS extra=1/>
                            <tbody>
                                {l.items.into_iter().map(|signup| view! { <SignupRow activity=id signup on_changed=changed/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            })}
            </Transition>
        </section>
    }
}

#[component]
fn SignupRow(activity: Id, signup: Signup, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let asking_cancel = RwSignal::new(false);
    let revoking = RwSignal::new(false);
    let sid = signup.id;
    let run = move |call: std::pin::Pin<Box<dyn std::future::Future<Output = ApiResult<Signup>>>>| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match call.await {
                Ok(_) => on_changed.run(()),
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    let status = match (signup.status, signup.waiting_position) {
        (SignupStatus::Waiting, Some(n)) => i18n.t(k!("signup.waiting_n")).replace("{n}", &n.to_string()),
        (s, _) => i18n.dynamic(words!("signup"), s.as_str()),
    };
    let live = signup.status != SignupStatus::Cancelled;
    let confirmed = signup.status == SignupStatus::Confirmed;
    let (checked_in, checked_out) = (signup.checked_in_at, signup.checked_out_at);
    let credited = signup.transfer_id.is_some() && signup.reversal_id.is_none();
    let credit = match (signup.transfer_id, signup.reversal_id) {
        (Some(_), None) => k!("signup.credited"),
        (Some(_), Some(_)) => k!("signup.revoked"),
        _ => k!("signup.not_credited"),
    };
    let p = move || session.permissions();
    let profile = format!("/volunteers/{}", signup.user_id);
    view! {
        <tr data-testid="signup-row" data-signup-id=sid data-status=signup.status.as_str()>
            <td>
                {move || if p().read_volunteers {
                    view! { <a href=profile.clone() data-testid="signup-volunteer">{signup.user_name.clone()}</a> }.into_any()
                } else {
                    view! { <span>{signup.user_name.clone()}</span> }.into_any()
                }}
            </td>
            <td>{status}</td>
            <td class="small" data-testid="signup-in">{checked_in.map(|t| local_time(&t))}</td>
            <td class="small" data-testid="signup-out">{checked_out.map(|t| local_time(&t))}</td>
            <td data-testid="signup-credit" data-credit=credit.name()>{tr(credit)}</td>
            <td class="row-actions">
                {move || (confirmed && checked_in.is_none() && p().record_attendance).then(|| view! {
                    <button type="button" class="btn btn-small btn-primary" data-testid="signup-check-in" disabled=busy
                        on:click=move |_| run(Box::pin(record_attendance(activity, sid, AttendanceStep::CheckIn)))>{tr(k!("signup.check_in"))}</button>
                })}
                {move || (checked_in.is_some() && checked_out.is_none() && p().record_attendance).then(|| view! {
                    <button type="button" class="btn btn-small btn-primary" data-testid="signup-check-out" disabled=busy
                        on:click=move |_| run(Box::pin(record_attendance(activity, sid, AttendanceStep::CheckOut)))>{tr(k!("signup.check_out"))}</button>
                })}
                {move || (live && checked_in.is_none() && p().organise_activities && !asking_cancel.get()).then(|| view! {
                    <button type="button" class="btn btn-small btn-ghost" data-testid="signup-cancel" disabled=busy
                        on:click=move |_| asking_cancel.set(true)>{tr(k!("signup.cancel"))}</button>
                })}
                {move || asking_cancel.get().then(|| view! {
                    <span class="inline-confirm" data-testid="signup-cancel-confirm">
                        {tr(k!("signup.cancel_confirm"))}
                        <button type="button" class="btn btn-small btn-primary" data-testid="signup-cancel-yes" disabled=busy
                            on:click=move |_| { asking_cancel.set(false); run(Box::pin(cancel_signup(activity, sid))) }>{tr(k!("signup.cancel_yes"))}</button>
                        <button type="button" class="btn btn-small btn-ghost" on:click=move |_| asking_cancel.set(false)>{tr(k!("signup.cancel_no"))}</button>
                    </span>
                })}
                {move || (credited && p().organise_activities && !revoking.get()).then(|| view! {
                    <button type="button" class="btn btn-small btn-ghost" data-testid="signup-revoke" on:click=move |_| revoking.set(true)>
                        {tr(k!("signup.revoke"))}
                    </button>
                })}
                {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
            </td>
        </tr>
        {move || revoking.get().then(|| view! {
            <tr class="inline-form-row">
                <td colspan="6">
                    <RevokeForm activity signup=sid on_done=Callback::new(move |()| { revoking.set(false); on_changed.run(()); })
                        on_cancel=Callback::new(move |()| revoking.set(false))/>
                </td>
            </tr>
        })}
    }
}

const PLACED: [&str; 1] = ["/reason"];

/// Why the credit is taken back; the hours leave the volunteer's account by reversal.
#[component]
fn RevokeForm(activity: Id, signup: Id, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            form.invalid(vec![field_error("/reason", FieldRule::Required, "a reason is required")]);
            return;
        }
        form.start();
        spawn_local(async move {
            match revoke_credit(activity, signup, text).await {
                Ok(_) => {
                    form.done();
                    on_done.run(());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="form inline-form" data-testid="revoke-form" on:submit=submit novalidate>
            <FormSummary form placed=&PLACED/>
            <p class="notice notice-warn">{tr(k!("signup.revoke_confirm"))}</p>
            <Field label=k!("signup.revoke_reason") pointer="/reason" form>
                <input type="text" maxlength="500" data-testid="revoke-reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="revoke-submit">
                    {move || i18n.t(if form.busy.get() { k!("state.saving") } else { k!("signup.revoke_yes") })}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>{tr(k!("action.cancel"))}</button>
            </div>
        </form>
    }
}
