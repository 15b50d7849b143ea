# Production-like image: gunicorn serving the portal, static files by WhiteNoise.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
# PDF documents (WeasyPrint) need pango and a font: Debian's DejaVu (lib/documents.py).
RUN apt-get update && apt-get install -y --no-install-recommends \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# Dependencies first (the project declares no package of its own), so code edits reuse this layer.
COPY pyproject.toml ./
COPY scripts/requirements.py scripts/
RUN pip install --upgrade pip && python scripts/requirements.py > requirements.txt \
 && pip install -r requirements.txt
COPY . .
RUN DEBUG=1 python manage.py compile_translations \
 && DEBUG=0 SECRET_KEY=build-only python manage.py collectstatic --noinput
RUN useradd --create-home portal && chown -R portal /app
USER portal
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
