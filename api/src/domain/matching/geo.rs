//! Walking distance for the 15-minute circle (一刻钟服务圈): straight-line distance on the sphere,
//! times a detour factor for streets, at walking speed. The factor and speed are settings.

/// Mean Earth radius in metres.
const EARTH_M: f64 = 6_371_000.0;

/// Distance in metres between two (lat, lng) points in degrees, on the local flat map
/// (equirectangular at the mean latitude): within 0.1 % of the great circle at city scale — the
/// circle is about a kilometre — and one cosine instead of five trigonometric calls, which matters
/// when one need is ranked against a hundred thousand services.
pub fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    let x = (b.1 - a.1).to_radians() * mean_lat.cos();
    let y = (b.0 - a.0).to_radians();
    EARTH_M * (x * x + y * y).sqrt()
}

/// How walking distance is estimated, and how wide the service circle is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Walking {
    /// Streets are longer than the straight line: 1.3 is the usual planning factor.
    pub detour_factor: f64,
    /// Metres a minute; 80 m/min (4.8 km/h) is an unhurried adult pace.
    pub metres_per_minute: f64,
    /// The circle's radius in minutes.
    pub circle_minutes: f64,
}

impl Default for Walking {
    fn default() -> Self {
        Self { detour_factor: 1.3, metres_per_minute: 80.0, circle_minutes: 15.0 }
    }
}

impl Walking {
    pub fn minutes(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        metres(a, b) * self.detour_factor / self.metres_per_minute
    }

    pub fn within_circle(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        self.minutes(a, b) <= self.circle_minutes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = metres((30.0, 120.0), (31.0, 120.0));
        assert!((d - 111_195.0).abs() < 50.0, "{d}");
    }

    #[test]
    fn the_flat_map_agrees_with_the_great_circle_within_a_city() {
        let (a, b): ((f64, f64), (f64, f64)) = ((30.25, 120.20), (30.29, 120.26));
        let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
        let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
        let great_circle = 2.0 * EARTH_M * h.sqrt().asin();
        assert!((metres(a, b) - great_circle).abs() / great_circle < 0.001);
    }

    #[test]
    fn a_kilometre_in_a_straight_line_is_about_16_minutes_on_foot() {
        let walk = Walking::default();
        // 0.009 degrees of latitude ≈ 1 000 m.
        let m = walk.minutes((30.0, 120.0), (30.009, 120.0));
        assert!((m - 16.26).abs() < 0.1, "{m}");
        assert!(!walk.within_circle((30.0, 120.0), (30.009, 120.0)));
        assert!(walk.within_circle((30.0, 120.0), (30.008, 120.0)));
    }
}
