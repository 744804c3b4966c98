//! Prometheus metrics: request counts and latencies by route pattern (not raw path, to keep labels few).

use std::sync::LazyLock;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};

static REGISTRY: LazyLock<Registry> = LazyLock::new(Registry::new);

static REQUESTS: LazyLock<IntCounterVec> = LazyLock::new(|| {
    let counter =
        IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests by method, route and status"), &["method", "route", "status"])
            .expect("valid metric definition");
    REGISTRY.register(Box::new(counter.clone())).expect("metric registered once");
    counter
});

static LATENCY: LazyLock<HistogramVec> = LazyLock::new(|| {
    let histogram = HistogramVec::new(
        HistogramOpts::new("http_request_duration_seconds", "HTTP request latency by method and route"),
        &["method", "route"],
    )
    .expect("valid metric definition");
    REGISTRY.register(Box::new(histogram.clone())).expect("metric registered once");
    histogram
});

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
    let status = res.status().as_u16().to_string();
    REQUESTS.with_label_values(&[method.as_str(), route.as_str(), status.as_str()]).inc();
    LATENCY.with_label_values(&[method.as_str(), route.as_str()]).observe(started.elapsed().as_secs_f64());
    Ok(res)
}

/// The exposition text of every metric.
pub fn render() -> String {
    LazyLock::force(&REQUESTS);
    LazyLock::force(&LATENCY);
    let mut buf = Vec::new();
    // Encoding into a Vec cannot fail for well-formed metrics.
    let _ = TextEncoder::new().encode(&REGISTRY.gather(), &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}
