//! 资源匹配 on a need's detail: the services that can serve it, best first, each with its score as a
//! bar, walking minutes, places left and — unfolded — the six parts of the score with their reasons;
//! how many services were left out and why; and "派单给该服务" for staff who may match needs while the
//! need waits for dispatch (已受理). Other open needs show the same list read-only, folded.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Candidate, Candidates, Exclusions, Id, NeedAction, NeedDetail, NeedStatus};

use crate::common::api::{self, ApiError, ApiResult, CANDIDATE_LIMIT};
use crate::common::form::{FormState, FormSummary};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{ErrorBox, Loading};
use crate::matching::score_bars::{ScoreBar, ScoreParts, minutes_text};
use crate::messages::Key;

/// Columns of the candidates table (a ranking column comes first, the buttons last).
const HEADS: [Key; 6] = [
    k!("matching.service"),
    k!("matching.offered_by"),
    k!("matching.score"),
    k!("matching.walking"),
    k!("matching.capacity_left"),
    k!("matching.breakdown"),
];

/// The panel for the need shown in `detail`, rebuilt only when its status or the caller's right to
/// dispatch changes; `on_dispatched` gets the need after a dispatch (the detail refreshes from it).
pub fn need_candidates(need_id: Id, detail: LocalResource<ApiResult<NeedDetail>>, on_dispatched: Callback<NeedDetail>) -> impl IntoView {
    let state = Memo::new(move |_| {
        detail.with(|d| match d {
            Some(Ok(d)) => Some((d.need.status, d.allowed_actions.contains(&NeedAction::Dispatch))),
            _ => None,
        })
    });
    move || state.get().map(|(status, can_dispatch)| view! { <CandidatesPanel need_id status can_dispatch on_dispatched/> })
}

/// Whether candidates are worth showing for a need in `status` (open, not yet served).
fn shows_candidates(status: NeedStatus) -> bool {
    matches!(
        status,
        NeedStatus::Submitted
            | NeedStatus::Returned
            | NeedStatus::Accepted
            | NeedStatus::Dispatched
            | NeedStatus::Claimed
            | NeedStatus::InProgress
    )
}

/// The ranked candidates of one need; nothing for callers without `match_needs`.
#[component]
pub fn CandidatesPanel(need_id: Id, status: NeedStatus, can_dispatch: bool, on_dispatched: Callback<NeedDetail>) -> impl IntoView {
    let session = use_session();
    let allowed = move || session.permissions().match_needs && shows_candidates(status);
    // Waiting for dispatch: open and actionable. Otherwise folded and read-only.
    let waiting = status == NeedStatus::Accepted;
    let dispatchable = waiting && can_dispatch;
    let open = RwSignal::new(waiting);
    let loaded = RwSignal::new(None::<Result<Candidates, ApiError>>);
    let requested = StoredValue::new(false);
    let load = move |quiet: bool| {
        requested.set_value(true);
        if !quiet {
            loaded.set(None);
        }
        spawn_local(async move {
            let answer = api::candidates(need_id, CANDIDATE_LIMIT).await;
            if !quiet || answer.is_ok() {
                let _ = loaded.try_set(Some(answer));
            }
        });
    };
    Effect::new(move |_| {
        if open.get() && allowed() && !requested.get_value() {
            load(false);
        }
    });
    let retry = Callback::new(move |()| load(false));
    let form = FormState::new();
    let busy = RwSignal::new(None::<Id>);
    let i18n = use_i18n();
    let dispatch = Callback::new(move |service_id: Id| {
        form.start();
        busy.set(Some(service_id));
        spawn_local(async move {
            match api::dispatch_to_service(need_id, service_id).await {
                Ok(fresh) => {
                    form.done();
                    let _ = busy.try_set(None);
                    on_dispatched.run(fresh);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    busy.set(None);
                    // Places or the need may have changed meanwhile: show the list as it is now.
                    load(true);
                }
            }
        });
    });

    move || {
        allowed().then(|| {
            let body = move || match loaded.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Some(Ok(c)) => view! { <CandidateList candidates=c dispatchable busy dispatch/> }.into_any(),
            };
            view! {
                <section class="panel candidates-panel" data-testid="candidates-panel" data-open=move || open.get().to_string()
                    style="margin-bottom: 16px">
                    <div class="page-head" style="margin-bottom: 8px">
                        <h3 style="font-size: 15px">{tr(k!("matching.candidates"))}</h3>
                        <span class="muted small">{tr(k!("matching.candidates_hint"))}</span>
                        <div class="spacer"></div>
                        {(!waiting).then(|| view! {
                            <button type="button" class="btn btn-small" data-testid="candidates-toggle"
                                on:click=move |_| open.update(|o| *o = !*o)>
                                {move || if open.get() { tr(k!("matching.hide_candidates"))() } else { tr(k!("matching.show_candidates"))() }}
                            </button>
                        })}
                    </div>
                    <Show when=move || open.get()>
                        {(!dispatchable).then(|| view! { <p class="muted small" style="margin: 0 0 8px">{tr(k!("matching.readonly_hint"))}</p> })}
                        <FormSummary form placed=&[]/>
                        {body}
                    </Show>
                </section>
            }
        })
    }
}

/// The table of candidates and the line of exclusions, or the gap notice when there is none.
#[component]
fn CandidateList(candidates: Candidates, dispatchable: bool, busy: RwSignal<Option<Id>>, dispatch: Callback<Id>) -> impl IntoView {
    let excluded = candidates.excluded.clone();
    let circle = candidates.circle_minutes;
    if candidates.candidates.is_empty() {
        return view! {
            <div class="state state-empty" data-testid="candidates-empty">
                <span>{tr(k!("matching.no_candidates"))}</span>
                <a href="/matching/gaps" data-testid="candidates-to-gaps">{tr(k!("matching.to_gaps"))}" →"</a>
            </div>
            <ExclusionLine excluded circle/>
        }
        .into_any();
    }
    let unfolded = RwSignal::new(Vec::<Id>::new());
    view! {
        <div class="table-wrap">
            <table class="table candidates-table" data-testid="candidates-table">
                <thead>
                    <tr>
                        <th class="num">"#"</th>
                        {HEADS.iter().map(|k| view! { <th>{tr(*k)}</th> }).collect_view()}
                        {dispatchable.then(|| view! { <th></th> })}
                    </tr>
                </thead>
                <tbody>
                    {candidates.candidates.into_iter().enumerate().map(|(rank, c)| view! {
                        <CandidateRow rank=rank + 1 candidate=c dispatchable busy dispatch unfolded/>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <ExclusionLine excluded circle/>
    }
    .into_any()
}

#[component]
fn CandidateRow(
    rank: usize,
    candidate: Candidate,
    dispatchable: bool,
    busy: RwSignal<Option<Id>>,
    dispatch: Callback<Id>,
    unfolded: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = candidate.service_id;
    let is_open = move || unfolded.with(|u| u.contains(&id));
    let toggle = move |_| {
        unfolded.update(|u| {
            if let Some(i) = u.iter().position(|x| *x == id) {
                u.remove(i);
            } else {
                u.push(id);
            }
        })
    };
    let walking = candidate.walking_minutes;
    let mode = candidate.mode.as_str().to_owned();
    let parts = candidate.parts.clone();
    let span = HEADS.len() + 1 + usize::from(dispatchable);
    let can_take = candidate.dispatchable;
    let button = dispatchable.then(|| {
        if can_take {
            view! {
                <button type="button" class="btn btn-primary btn-small" data-testid="candidate-dispatch"
                    disabled=move || busy.get().is_some()
                    on:click=move |_| dispatch.run(id)>
                    {move || if busy.get() == Some(id) { tr(k!("matching.dispatching"))() } else { tr(k!("matching.dispatch"))() }}
                </button>
            }
            .into_any()
        } else {
            view! { <span class="muted small" data-testid="candidate-not-dispatchable">{tr(k!("matching.not_dispatchable"))}</span> }
                .into_any()
        }
    });
    view! {
        <tr data-testid="candidate" data-service-id=id data-dispatchable=can_take.to_string()>
            <td class="num muted">{rank}</td>
            <td>
                <strong data-testid="candidate-name">{candidate.service_name.clone()}</strong>
                <div class="muted small">{tr_word(words!("mmode"), mode)}</div>
            </td>
            <td>{candidate.offered_by.clone()}</td>
            <td class="bar-cell"><ScoreBar score=candidate.score/></td>
            <td class="nowrap num" data-testid="candidate-walking">{move || minutes_text(i18n, walking)}</td>
            <td class="num" data-testid="candidate-capacity">{candidate.capacity_left}</td>
            <td>
                <button type="button" class="btn btn-ghost btn-small" data-testid="candidate-breakdown"
                    aria-expanded=move || is_open().to_string() on:click=toggle>
                    {move || if is_open() { "▾ " } else { "▸ " }}{tr(k!("matching.breakdown"))}
                </button>
            </td>
            {button.map(|b| view! { <td class="actions">{b}</td> })}
        </tr>
        <Show when=is_open>
            <tr class="diff-row" data-testid="candidate-parts-row">
                <td colspan=span.to_string()><ScoreParts parts=parts.clone()/></td>
            </tr>
        </Show>
    }
}

/// 已排除: 类别不符 N · 对象不符 N · 不在服务范围 N · 名额已满 N, and the circle used for distance.
#[component]
fn ExclusionLine(excluded: Exclusions, circle: f64) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let parts = [
            (k!("matching.excluded_category"), excluded.category),
            (k!("matching.excluded_eligibility"), excluded.eligibility),
            (k!("matching.excluded_area"), excluded.area),
            (k!("matching.excluded_full"), excluded.full),
        ];
        let list = parts.iter().map(|(k, n)| format!("{} {n}", i18n.t(*k))).collect::<Vec<_>>().join(" · ");
        format!("{}: {list}", i18n.t(k!("matching.excluded")))
    };
    view! {
        <p class="muted small" data-testid="candidates-excluded" style="margin: 8px 0 0">
            {text}
            <span>" · "{tr(k!("matching.circle"))}" "{move || minutes_text(i18n, Some(circle))}</span>
        </p>
    }
}
