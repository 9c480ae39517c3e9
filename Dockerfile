# The OrgMap API (and CLI) image: Python 3.11 slim, installed as a package, run as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Graphviz lays the hierarchical maps out and draws the SVG, PNG and PDF exports, in DejaVu.
RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/orgmap
COPY pyproject.toml README.md ./
COPY app ./app
COPY cypher ./cypher
COPY seed_data ./seed_data
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /srv/orgmap orgmap \
    && mkdir -p /srv/orgmap/data && chown orgmap /srv/orgmap/data

USER orgmap
ENV ORGMAP_HOST=0.0.0.0 \
    ORGMAP_PORT=8000 \
    ORGMAP_SEED_DIR=/srv/orgmap/seed_data \
    ORGMAP_SOURCES_DIR=/srv/sources
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["orgmap", "serve", "--workers", "2"]
