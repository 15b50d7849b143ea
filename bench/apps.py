from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks and the synthetic data they need, kept apart from the production apps: their
    management commands (bench_*, generate_*) and the load test. Nothing imports it."""

    name = "bench"
    verbose_name = "Benchmarks"
