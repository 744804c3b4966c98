//! `/m/me` (我的): the resident's profile — residence status as a label (待认证 / 已认证 / 未通过 with
//! the reason), editing it, moving to a new number by code, and deleting the account.

use leptos::prelude::*;
use shared::{ResidentProfile, Verification};

use crate::common::i18n::use_i18n;
use crate::common::status::{ErrorBox, Loading};
use crate::messages::Key;
use crate::mobile::account_endpoints;
use crate::mobile::delete_account::DeleteAccount;
use crate::mobile::profile_forms::{PhoneChangeForm, ProfileForm};

/// Which form is open under the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Edit,
    Phone,
}

#[component]
pub fn ResidentMePage() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = LocalResource::new(account_endpoints::profile);
    let current = RwSignal::new(None::<ResidentProfile>);
    Effect::new(move |_| {
        if let Some(Ok(p)) = loaded.get() {
            current.set(Some(p));
        }
    });
    let open = RwSignal::new(Open::None);
    let saved = Callback::new(move |p: ResidentProfile| {
        current.set(Some(p));
        open.set(Open::None);
    });
    let cancel = Callback::new(move |()| open.set(Open::None));
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <h1 class="m-title">{move || i18n.t(k!("account.me"))}</h1>
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().and_then(Result::err).map(|error| view! { <ErrorBox error on_retry=retry/> })}
        </Transition>
        {move || current.get().map(|p| view! {
            <ProfileCard profile=p.clone()/>
            <div class="m-card-foot" style="margin: 10px 0; gap: 8px;">
                <button type="button" class="btn" data-testid="edit-profile" on:click=move |_| open.set(Open::Edit)>
                    {move || i18n.t(k!("account.edit"))}
                </button>
                <button type="button" class="btn" data-testid="change-phone" on:click=move |_| open.set(Open::Phone)>
                    {move || i18n.t(k!("account.change_phone"))}
                </button>
            </div>
            {move || match open.get() {
                Open::Edit => view! { <ProfileForm profile=p.clone() on_saved=saved on_cancel=cancel/> }.into_any(),
                Open::Phone => view! { <PhoneChangeForm on_saved=saved on_cancel=cancel/> }.into_any(),
                Open::None => ().into_any(),
            }}
            <DeleteAccount/>
        })}
    }
}

#[component]
fn ProfileCard(profile: ResidentProfile) -> impl IntoView {
    let i18n = use_i18n();
    let v = profile.verification;
    let reason = profile.refusal_reason.map(|r| r.as_str());
    let place = match &profile.grid_name {
        Some(grid) => format!("{} · {grid}", profile.community_name),
        None => profile.community_name.clone(),
    };
    let row = |key: Key, value: String| {
        view! {
            <dt class="muted">{move || i18n.t(key)}</dt>
            <dd style="margin: 0; overflow-wrap: anywhere;">{value}</dd>
        }
    };
    view! {
        <section class="m-card" data-testid="profile">
            <span class="m-card-head">
                <strong data-testid="profile-name">{profile.display_name.clone()}</strong>
                <span class="badge" data-testid="verification" data-state=v.as_str()>{move || i18n.dynamic(words!("ver"), v.as_str())}</span>
            </span>
            <dl style="margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; font-size: 14px;">
                {row(k!("account.phone"), profile.phone.clone().unwrap_or_else(|| "—".into()))}
                {row(k!("account.community"), place)}
                {row(k!("account.address"), profile.address.clone().unwrap_or_else(|| "—".into()))}
                {reason.map(|r| view! {
                    <dt class="muted">{move || i18n.t(k!("residents.reason"))}</dt>
                    <dd style="margin: 0;" data-testid="refusal">{move || i18n.dynamic(words!("refusal"), r)}{profile.refusal_note.clone().map(|n| format!(" · {n}"))}</dd>
                })}
            </dl>
            <p class="muted" style="margin: 0; font-size: 13px;">
                {move || i18n.t(match v {
                    Verification::Pending => k!("account.pending_hint"),
                    Verification::Verified => k!("account.verified_hint"),
                    Verification::Refused => k!("account.refused_hint"),
                })}
            </p>
        </section>
    }
}
