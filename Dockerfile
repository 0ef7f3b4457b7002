# The production image: the same requirements.lock that CI tested, then the project itself.
#   docker build -t clinic-gateway .
#   docker compose up            # PostgreSQL, migrations, web and worker (compose.yaml)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 gateway
WORKDIR /app

# Dependencies first, from the lock alone (hash-checked), so a code change reuses this layer.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md Procfile babel.cfg ./
COPY gateway ./gateway
COPY flows ./flows
COPY locales ./locales
COPY scripts ./scripts
RUN pip install --no-deps --no-build-isolation . \
    && python scripts/compile_catalogs.py

USER gateway
ENV GATEWAY_ENV=production PORT=8000
EXPOSE 8000
# The Procfile's `web`; compose.yaml runs the `worker` and the `release` step from this image too.
CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-2} --threads 4 'gateway:create_app()'"]
