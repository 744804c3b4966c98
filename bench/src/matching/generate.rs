//! Seeded instances that look like a batch of our needs: services spread over a district, needs
//! gathered around communities (so some neighbourhoods are over-subscribed even when the district is
//! not), each need's candidates its nearest services, and scores built like `domain::matching::score`
//! (category, eligibility, walking distance, free capacity, availability, track record), so they
//! decay with distance and carry noise. Same seed, same instance, on every machine.

use api::domain::matching::solver::{Arc, Instance};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    pub name: String,
    pub seed: u64,
    pub needs: usize,
    pub services: usize,
    /// Places per service, drawn uniformly from this inclusive range.
    pub capacity: (u32, u32),
    /// Distinct candidate services per need (its nearest ones).
    pub candidates: usize,
}

/// Metres between neighbouring services on average, and walking speed with detours.
const SPACING_M: f64 = 335.0;
const METRES_PER_MINUTE: f64 = 80.0 / 1.3;
/// The 15-minute service circle: half the distance points at its edge, none at twice it.
const CIRCLE_MINUTES: f64 = 15.0;
/// The score's parts and weights, as in `domain::matching::score`.
const WEIGHTS: [f64; 6] = [25.0, 15.0, 25.0, 15.0, 10.0, 10.0];

impl Spec {
    /// The large instance: 10 000 needs, 2 000 services of 5 places (exactly as many places as needs),
    /// 10 candidates each.
    pub fn large() -> Spec {
        Spec { name: "large".into(), seed: 20_261_124, needs: 10_000, services: 2_000, capacity: (5, 5), candidates: 10 }
    }

    /// 20 small instances, 50–2 000 needs, 1–10 places, 3–20 candidates, from half subscribed to
    /// twice over-subscribed. Their shapes are drawn from a fixed seed too.
    pub fn smalls() -> Vec<Spec> {
        const LOADS: [f64; 5] = [0.5, 0.8, 1.0, 1.25, 2.0];
        let mut rng = StdRng::seed_from_u64(7_000);
        (0..20)
            .map(|k| {
                let needs = (50.0 * 40f64.powf(rng.r#gen::<f64>())).round() as usize;
                let lo = rng.gen_range(1..=10);
                let capacity = (lo, rng.gen_range(lo..=10));
                let load = LOADS[k % LOADS.len()];
                let mean = f64::from(capacity.0 + capacity.1) / 2.0;
                let services = ((needs as f64 / (load * mean)).ceil() as usize).max(1);
                let candidates = rng.gen_range(3..=20usize).min(services);
                Spec { name: format!("small-{:02}", k + 1), seed: 7_001 + k as u64, needs, services, capacity, candidates }
            })
            .collect()
    }

    /// Needs per place on offer (on average over the capacity range).
    pub fn load(&self) -> f64 {
        self.needs as f64 / (self.services as f64 * f64::from(self.capacity.0 + self.capacity.1) / 2.0)
    }
}

/// A normal deviate (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u: f64 = rng.r#gen::<f64>().max(f64::MIN_POSITIVE);
    let v: f64 = rng.r#gen();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// Points in points-times-ten, as the solver takes them: 1..=1000.
fn score(shares: [f64; 6]) -> u32 {
    let points: f64 = WEIGHTS.iter().zip(shares).map(|(w, s)| (w * s * 10.0).round() / 10.0).sum();
    ((points * 10.0).round() as u32).clamp(1, 1000)
}

pub fn generate(spec: &Spec) -> Instance {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let side = (spec.services as f64).sqrt() * SPACING_M;
    let point = |rng: &mut StdRng| (rng.gen_range(0.0..side), rng.gen_range(0.0..side));

    struct Service {
        at: (f64, f64),
        online: bool,
        capacity_share: f64,
        track: f64,
    }
    let services: Vec<Service> = (0..spec.services)
        .map(|_| Service {
            at: point(&mut rng),
            online: rng.gen_bool(0.05),
            capacity_share: rng.gen_range(0.2..=1.0),
            track: if rng.gen_bool(0.3) { 0.6 } else { rng.gen_range(0.3..=1.0) },
        })
        .collect();
    let capacities = (0..spec.services).map(|_| rng.gen_range(spec.capacity.0..=spec.capacity.1)).collect();

    // Communities: three needs in four live around one, the rest anywhere.
    let centres: Vec<(f64, f64)> = (0..(spec.services / 20).max(3)).map(|_| point(&mut rng)).collect();
    let k = spec.candidates.min(spec.services);
    let mut arcs = Vec::with_capacity(spec.needs * k);
    let mut by_distance: Vec<(f64, u32)> = Vec::with_capacity(spec.services);
    for need in 0..spec.needs as u32 {
        let at = if rng.gen_bool(0.75) {
            let c = centres[rng.gen_range(0..centres.len())];
            ((c.0 + 2.0 * SPACING_M * normal(&mut rng)).clamp(0.0, side), (c.1 + 2.0 * SPACING_M * normal(&mut rng)).clamp(0.0, side))
        } else {
            point(&mut rng)
        };
        by_distance.clear();
        // Nearest by squared distance; the square root only for the candidates.
        by_distance.extend(services.iter().enumerate().map(|(s, svc)| {
            let (dx, dy) = (svc.at.0 - at.0, svc.at.1 - at.1);
            (dx * dx + dy * dy, s as u32)
        }));
        if k > 0 && k < by_distance.len() {
            by_distance.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0));
        }
        for &(squared, service) in &by_distance[..k] {
            let s = &services[service as usize];
            let minutes = squared.sqrt() / METRES_PER_MINUTE;
            let category = if rng.gen_bool(0.7) { 1.0 } else { 0.5 };
            let eligibility = if rng.gen_bool(0.6) { 1.0 } else { 0.7 };
            let distance = if s.online { 1.0 } else { (1.0 - minutes / (2.0 * CIRCLE_MINUTES)).max(0.0) };
            let availability = [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.0, 0.0][rng.gen_range(0..10)];
            let shares = [category, eligibility, distance, s.capacity_share, availability, s.track];
            arcs.push(Arc { need, service, score: score(shares) });
        }
    }
    Instance { needs: spec.needs, capacities, arcs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_instance() {
        let spec = &Spec::smalls()[3];
        let (a, b) = (generate(spec), generate(spec));
        assert_eq!((a.needs, &a.capacities, &a.arcs), (b.needs, &b.capacities, &b.arcs));
        assert!(a.arcs.iter().all(|arc| (1..=1000).contains(&arc.score)));
    }

    #[test]
    fn candidates_are_distinct_services() {
        let spec = Spec { name: "t".into(), seed: 1, needs: 30, services: 12, capacity: (1, 3), candidates: 5 };
        let inst = generate(&spec);
        assert_eq!(inst.arcs.len(), 30 * 5);
        for chunk in inst.arcs.chunks(5) {
            let mut s: Vec<u32> = chunk.iter().map(|a| a.service).collect();
            s.sort_unstable();
            s.dedup();
            assert_eq!(s.len(), 5);
        }
    }
}
