//! The switch at the top of the pages one tab of the `/m` bar holds: 参与 (议题 · 问卷) and 积分
//! (我的积分 · 积分商城 · 我的兑换).

use leptos::prelude::*;

use crate::common::i18n::tr;
use crate::messages::Key;

/// Which page of a tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Topics,
    Surveys,
    Points,
    Shop,
    Orders,
}

impl Section {
    fn link(self) -> (&'static str, Key, &'static str) {
        match self {
            Self::Topics => ("/m/topics", k!("mtopic.title"), "section-topics"),
            Self::Surveys => ("/m/surveys", k!("msurvey.title"), "section-surveys"),
            Self::Points => ("/m/points", k!("mpoints.title"), "section-points"),
            Self::Shop => ("/m/shop", k!("mshop.title"), "section-shop"),
            Self::Orders => ("/m/shop/orders", k!("mshop.orders"), "section-orders"),
        }
    }

    fn siblings(self) -> &'static [Section] {
        match self {
            Self::Topics | Self::Surveys => &[Self::Topics, Self::Surveys],
            Self::Points | Self::Shop | Self::Orders => &[Self::Points, Self::Shop, Self::Orders],
        }
    }
}

/// Links to the pages of the current tab, the current one marked.
#[component]
pub fn ParticipateTabs(current: Section) -> impl IntoView {
    view! {
        <nav class="segmented m-sections" data-testid="m-sections">
            {current.siblings().iter().map(|s| {
                let (href, key, testid) = s.link();
                let here = *s == current;
                view! {
                    <a href=href class:on=here aria-current=here.then_some("page") data-testid=testid>{tr(key)}</a>
                }
            }).collect_view()}
        </nav>
    }
}
