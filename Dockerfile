# One image for every replica: `newsbrief bot` (webhook mode when WEBHOOK_URL is set).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY summaries ./summaries
COPY bot ./bot
RUN pip install --no-cache-dir .
# Compiled patterns are filled once here: the runtime user (nobody) cannot write a cache folder.
ENV NEWSBRIEF_CACHE_DIR=/app/cache
RUN newsbrief warm-cache
USER nobody
CMD ["newsbrief", "bot"]
