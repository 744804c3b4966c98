//! Working out an indicator's facts for an area and period from what `Inputs` loaded: need counters,
//! reports rolled up the tree, resources, community profiles and program pledges.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, Id, KpiRollup, ServiceMode};

use super::counters;
use super::tree::{Tree, facility_area, households, population};
use crate::clock::china_date;
use crate::domain::kpis::catalogue::{Computation, Definition};
use crate::domain::kpis::counters as c;
use crate::domain::kpis::facts::{BUCKETS, Facts};
use crate::domain::kpis::period::{MonthKey, Period};
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::{Rules, ServiceFacts};
use crate::domain::scope::Scope;
use crate::entities::{area, delivery, kpi_report, pledge, program, provider, service, service_person, service_space};
use crate::error::ApiError;
use crate::services::matching::facts::{Stats, district_path, pool, service_facts};
use crate::services::matching::gaps::{circle_places, in_circle};
use crate::services::{activities, consultation, surveys};

/// Everything a dashboard, series or breakdown needs, loaded in a fixed number of queries.
pub struct Inputs {
    pub tree: Tree,
    counters: HashMap<(Id, MonthKey, String), i64>,
    /// Current (not superseded) reports in the tree, by (indicator, area), latest period last.
    reports: HashMap<(String, Id), Vec<kpi_report::Model>>,
    party_members: Vec<service_person::Model>,
    spaces: Vec<service_space::Model>,
    social_organisations: Vec<provider::Model>,
    services: Vec<(service::Model, ServiceFacts)>,
    /// The tree's grids: the places the 15-minute circle must reach.
    grids: Vec<area::Model>,
    pledges: Vec<(String, pledge::Model)>,
    deliveries: Vec<delivery::Model>,
    /// Topics filed (立案): community path and day.
    filed_topics: Vec<(String, NaiveDate)>,
    /// Residents (id → home area) and their acts of taking part in decisions.
    residents: HashMap<Id, Id>,
    acts: Vec<(Id, NaiveDate)>,
    /// Answers to surveys' satisfaction questions per community.
    satisfaction: Vec<surveys::satisfaction::Answered>,
    /// Volunteer accounts and service credits (activities and needs).
    volunteers: activities::kpi::VolunteerFacts,
    rules: Rules,
}

/// One value and what went into it.
#[derive(Debug, Clone, Default)]
pub struct Evaluated {
    pub facts: Option<Facts>,
    /// Reports used (reported indicators).
    pub reports: Vec<kpi_report::Model>,
}

fn end_date(period: Period) -> NaiveDate {
    period.end_exclusive()
}

/// Whether a record existed before the period ended (China time).
fn before_end(at: chrono::DateTime<chrono::Utc>, period: Period) -> bool {
    china_date(at) < end_date(period)
}

impl Inputs {
    /// Loads the inputs for questions about `areas` (ids in `tree`) over months `range`.
    pub async fn load<C: ConnectionTrait>(
        db: &C,
        tree: Tree,
        areas: &[Id],
        range: (MonthKey, MonthKey),
        walking: Walking,
    ) -> Result<Inputs, ApiError> {
        let scope = Scope::subtree(&tree.root.path);
        let counters = counters::rows(db, areas, range).await?;
        let mut reports: HashMap<(String, Id), Vec<kpi_report::Model>> = HashMap::new();
        for r in kpi_report::Entity::find()
            .filter(scope.path_condition(kpi_report::Column::AreaPath))
            .filter(kpi_report::Column::SupersededBy.is_null())
            .all(db)
            .await?
        {
            reports.entry((r.indicator.clone(), r.area_id)).or_default().push(r);
        }
        for list in reports.values_mut() {
            list.sort_by_key(|r| (r.last_month, r.reported_at, r.id));
        }
        let party_members = service_person::Entity::find()
            .filter(scope.path_condition(service_person::Column::AreaPath))
            .filter(service_person::Column::Kind.eq("party_member"))
            .filter(service_person::Column::Active.eq(true))
            .all(db)
            .await?;
        let spaces = service_space::Entity::find()
            .filter(scope.path_condition(service_space::Column::AreaPath))
            .filter(service_space::Column::Active.eq(true))
            .all(db)
            .await?;
        let social_organisations = provider::Entity::find()
            .filter(scope.path_condition(provider::Column::AreaPath))
            .filter(provider::Column::Kind.eq("social_organisation"))
            .filter(provider::Column::Active.eq(true))
            .all(db)
            .await?;
        // Services anywhere in the district may reach into the tree, as in the gap report.
        let district = district_path(db, &tree.root.path).await?;
        let services = pool(db, &[], &district)
            .await?
            .into_iter()
            .filter(|s| s.mode != ServiceMode::Online.as_str())
            .map(|s| {
                let f = service_facts(&s, Stats::default())?;
                Ok::<_, ApiError>((s, f))
            })
            .collect::<Result<_, ApiError>>()?;
        let programs: HashMap<Id, String> = program::Entity::find()
            .filter(scope.path_condition(program::Column::AreaPath))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.area_path))
            .collect();
        let pledges: Vec<(String, pledge::Model)> = pledge::Entity::find()
            .filter(pledge::Column::ProgramId.is_in(programs.keys().copied()))
            .filter(pledge::Column::AmountFen.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .filter_map(|p| Some((programs.get(&p.program_id)?.clone(), p)))
            .collect();
        let deliveries =
            delivery::Entity::find().filter(delivery::Column::PledgeId.is_in(pledges.iter().map(|(_, p)| p.id))).all(db).await?;
        let grids = tree.areas.values().filter(|a| a.kind == AreaKind::Grid.as_str()).cloned().collect();
        let filed_topics = consultation::kpi::filed(db, &scope).await?;
        let (residents, acts) = surveys::kpi::residents_and_acts(db, &scope).await?;
        let satisfaction = surveys::satisfaction::answered(db, &scope).await?;
        let volunteers = activities::kpi::load(db, &scope).await?;
        Ok(Inputs {
            volunteers,
            grids,
            tree,
            counters,
            reports,
            party_members,
            spaces,
            social_organisations,
            services,
            pledges,
            deliveries,
            filed_topics,
            residents,
            acts,
            satisfaction,
            rules: Rules::new(walking),
        })
    }

    fn counter(&self, area: Id, period: Period, name: &str) -> i64 {
        let (first, last) = period.months();
        // A year has 12 months: looking each up beats scanning every row.
        let mut total = 0;
        let mut m = first;
        while m <= last {
            total += self.counters.get(&(area, m, name.to_owned())).copied().unwrap_or(0);
            m = if m % 100 == 12 { (m / 100 + 1) * 100 + 1 } else { m + 1 };
        }
        total
    }

    fn ratio(numerator: f64, denominator: f64) -> Option<Facts> {
        (denominator > 0.0).then_some(Facts::Ratio { numerator, denominator })
    }

    /// Reports answer for a computed indicator only where they were made before it was computed
    /// (民主协商覆盖率 and 居民决策性参与比例 were typed in by hand first): they stay its history.
    pub fn evaluate(&self, def: &Definition, area: Id, period: Period) -> Evaluated {
        let reported = self.reported(def, area, period);
        match def.computed {
            Some(how) if reported.facts.is_none() => Evaluated { facts: self.computed(how, area, period), reports: Vec::new() },
            _ => reported,
        }
    }

    fn computed(&self, how: Computation, area: Id, period: Period) -> Option<Facts> {
        let count = |name: &str| self.counter(area, period, name) as f64;
        let in_area = |path: &str| self.tree.areas.get(&area).is_some_and(|a| path.starts_with(&a.path));
        let communities = self.tree.communities(area);
        match how {
            Computation::AverageResponse => Self::ratio(count(c::RESPONSE_SECONDS), count(c::RESPONDED)),
            Computation::P90Response => {
                let mut buckets = [0u64; BUCKETS];
                for (b, name) in buckets.iter_mut().zip(c::RESPONSE_BUCKETS) {
                    *b = self.counter(area, period, name).max(0) as u64;
                }
                (buckets.iter().sum::<u64>() > 0).then_some(Facts::Distribution(buckets))
            }
            Computation::OnTimeCompletion => Self::ratio(count(c::RESOLVED_ON_TIME), count(c::RESOLVED)),
            Computation::Satisfaction => Self::ratio(count(c::SATISFIED), count(c::RATED)),
            Computation::NeedsPer1000 => Self::ratio(count(c::SUBMITTED), self.tree.profile_sum(area, population)?),
            Computation::VolunteerHours => Some(Facts::Sum(count(c::VOLUNTEER_MINUTES) / 60.0)),
            Computation::PartyReportCoverage => {
                let end = end_date(period);
                let covered = communities
                    .iter()
                    .filter(|cm| {
                        self.party_members.iter().any(|p| p.area_path.starts_with(&cm.path) && p.reported_on.is_some_and(|d| d < end))
                    })
                    .count();
                Self::ratio(covered as f64, communities.len() as f64)
            }
            Computation::SpaceHoursCompliance => {
                let spaces: Vec<_> = self.spaces.iter().filter(|s| in_area(&s.area_path) && before_end(s.created_at, period)).collect();
                let compliant = spaces.iter().filter(|s| !crate::services::resources::spaces::short_hours(s)).count();
                Self::ratio(compliant as f64, spaces.len() as f64)
            }
            Computation::CircleCoverage => {
                let services: Vec<&ServiceFacts> =
                    self.services.iter().filter(|(s, _)| before_end(s.created_at, period)).map(|(_, f)| f).collect();
                let (mut covered, mut places) = (0usize, 0usize);
                for cm in &communities {
                    let ps = circle_places(cm, &self.grids);
                    places += ps.len();
                    covered += ps.iter().filter(|(path, pt)| services.iter().any(|f| in_circle(&self.rules, f, path, *pt))).count();
                }
                Self::ratio(covered as f64, places as f64)
            }
            Computation::FacilityAreaPer100Households => {
                let with_both = communities.iter().filter(|cm| cm.facility_area_m2.is_some() && cm.households.is_some());
                let (area_m2, homes) =
                    with_both.fold((0.0, 0.0), |(a, h), cm| (a + facility_area(cm).unwrap_or(0.0), h + households(cm).unwrap_or(0.0)));
                Self::ratio(area_m2, homes)
            }
            Computation::SocialOrganisationsPerCommunity => {
                let orgs = self.social_organisations.iter().filter(|p| in_area(&p.area_path) && before_end(p.created_at, period)).count();
                Self::ratio(orgs as f64, communities.len() as f64)
            }
            Computation::PledgeFulfilment => {
                let end = end_date(period);
                let (mut delivered, mut pledged) = (0.0, 0.0);
                for (_, p) in self.pledges.iter().filter(|(path, p)| in_area(path) && before_end(p.created_at, period)) {
                    let amount = p.amount_fen.unwrap_or(0) as f64 / 100.0;
                    let done: f64 = self
                        .deliveries
                        .iter()
                        .filter(|d| d.pledge_id == p.id && d.delivered_on < end)
                        .map(|d| d.amount_fen.unwrap_or(0) as f64 / 100.0)
                        .sum();
                    pledged += amount;
                    delivered += done.min(amount);
                }
                Self::ratio(delivered, pledged)
            }
            Computation::ConsultationCoverage => {
                let paths: Vec<String> = communities.iter().map(|cm| cm.path.clone()).collect();
                let c = consultation::kpi::coverage_of(&paths, &self.filed_topics, period);
                Self::ratio(c.covered as f64, c.communities as f64)
            }
            Computation::DecisionParticipation => {
                let areas: HashSet<Id> = self.tree.subtree(area).into_iter().collect();
                let residents = self.residents.iter().filter(|(_, home)| areas.contains(home)).map(|(id, _)| *id).collect();
                let s = surveys::kpi::share_of(&residents, &self.acts, period);
                Self::ratio(s.participants as f64, s.residents as f64)
            }
            Computation::SurveySatisfaction => {
                let areas: HashSet<Id> = self.tree.subtree(area).into_iter().collect();
                let (satisfied, answered) = surveys::satisfaction::total(&self.satisfaction, &areas, period);
                Self::ratio(satisfied as f64, answered as f64)
            }
            Computation::VolunteerRegistration => {
                let areas: HashSet<Id> = self.tree.subtree(area).into_iter().collect();
                let weight = self.tree.profile_sum(area, population).filter(|p| *p > 0.0)?;
                // Percent × population, as a reported figure is weighted: they roll up together.
                Some(Facts::Weighted { weighted: self.volunteers.registered(&areas, period) as f64 * 100.0, weight })
            }
            Computation::VolunteerHoursPerCapita => {
                let areas: HashSet<Id> = self.tree.subtree(area).into_iter().collect();
                Self::ratio(self.volunteers.hours(&areas, period), self.tree.profile_sum(area, population)?)
            }
            Computation::ActiveVolunteers => {
                let areas: HashSet<Id> = self.tree.subtree(area).into_iter().collect();
                Some(Facts::Sum(self.volunteers.active(&areas, period) as f64))
            }
        }
    }

    /// An area's own latest report within the period, or else its children's rolled up.
    fn reported(&self, def: &Definition, area: Id, period: Period) -> Evaluated {
        let own = self.reports.get(&(def.indicator.code.clone(), area)).and_then(|list| {
            list.iter().rev().find(|r| {
                // The months stored with the report say which periods contain it.
                let (first, last) = period.months();
                first <= r.first_month && r.last_month <= last
            })
        });
        if let Some(r) = own {
            let weight = match def.indicator.rollup {
                KpiRollup::WeightedPopulation => self.tree.profile_sum(area, population),
                KpiRollup::WeightedHouseholds => self.tree.profile_sum(area, households),
                _ => None,
            };
            let facts = Facts::reported(def.indicator.rollup, r.value, r.numerator, r.denominator, weight);
            return Evaluated { facts, reports: vec![r.clone()] };
        }
        let mut out = Evaluated::default();
        for &child in self.tree.children_of(area) {
            let e = self.reported(def, child, period);
            out.facts = match (out.facts, e.facts) {
                (Some(a), Some(b)) => Some(a.merge(&b)),
                (a, b) => a.or(b),
            };
            out.reports.extend(e.reports);
        }
        out
    }
}

/// Months covering every period asked about.
pub fn span(periods: impl IntoIterator<Item = Period>) -> (MonthKey, MonthKey) {
    periods.into_iter().map(Period::months).fold((i32::MAX, i32::MIN), |(a, b), (c, d)| (a.min(c), b.max(d)))
}
