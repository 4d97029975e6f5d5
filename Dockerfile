# syntax=docker/dockerfile:1
# Concierge app image: docker build -t concierge .
# Build stage: the Maven wrapper on a JDK 25 image (the LTS the tests and the bench run on; the code targets Java 21)
# builds only the runnable jar (bootstrap and what it needs).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Every module's pom is part of the reactor, even the ones this image does not build.
COPY infrastructure/pom.xml infrastructure/pom.xml
COPY architecture-tests/pom.xml architecture-tests/pom.xml
COPY domain/ domain/
COPY adapters/ adapters/
COPY bootstrap/ bootstrap/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -DskipTests -pl bootstrap -am package

# Run stage: a JRE 25 image, a non-root user, the jar and a data directory.
FROM eclipse-temurin:25-jre
# curl for the health check (some JRE image variants lack it)
RUN command -v curl > /dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system --gid 10001 concierge \
    && useradd --system --uid 10001 --gid concierge --home-dir /app --shell /usr/sbin/nologin concierge \
    && mkdir -p /app/data && chown -R concierge:concierge /app
WORKDIR /app
COPY --from=build --chown=concierge:concierge /src/bootstrap/target/concierge.jar /app/concierge.jar
COPY --chown=concierge:concierge scripts/train-aot-cache /app/train-aot-cache
# JAVA_OPTS: docs/operations.md "Production JVM flags" (what the bench measured).
# DATA_DIR holds the embedded PostgreSQL's files when no DATABASE_URL is given; keep it on a volume.
ENV PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    LOG_FORMAT=json \
    JAVA_OPTS="-Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:AOTCache=/app/concierge.aot"
USER 10001:10001
# The JDK's ahead-of-time cache, trained here with one start on a throw-away embedded database: every task starts
# from the image, so a cache a running container wrote would never be read by the next one.
RUN /app/train-aot-cache /app/concierge.jar /app/concierge.aot $JAVA_OPTS
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/health" > /dev/null || exit 1
# exec: java is PID 1 and receives SIGTERM, so shutdown drains in-flight requests.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/concierge.jar"]
