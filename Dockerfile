# Concurrency Lab: build with Maven on a JDK 25, run on a JRE 25 as a non-root user.
# docker compose up --build (see docker-compose.yml) builds this image as the "app" service.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp package -DskipTests \
 && cp target/concurrency-lab-*.jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /extracted

FROM eclipse-temurin:25-jre
# The worker processes of the processes experiment are JVMs started from this same java, with their classes
# written to java.io.tmpdir; taskset (util-linux) pins them for cpus: 1. Both are in this image.
RUN groupadd --system lab && useradd --system --gid lab --home-dir /app --no-create-home lab \
 && mkdir -p /app/data && chown lab:lab /app/data && chmod 700 /app/data
WORKDIR /app
# Runs are kept in /app/data/runs.mv.db (lab.store.path ./data/runs): a volume in docker-compose.yml.
VOLUME /app/data
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --chmod=0755 bin/lab bin/lab
RUN mkdir start && chown lab:lab start
USER lab
# Inside its container the lab listens on every interface (the host reaches it through the published port, which
# docker-compose.yml binds to 127.0.0.1). Beyond loopback it asks for a token for every request that changes something:
# LAB_TOKEN, or one generated at start and printed in the log as a URL (docker compose logs app).
ENV SERVER_ADDRESS=0.0.0.0
# bin/lab starts the extracted app.jar with Spring's AOT bean definitions and the JVM's AOT cache, as it does outside
# the image. The cache belongs to this image's own JRE and classpath, so it is trained here, once, as the image is
# built. The heap is a share of the container's memory limit.
ENV LAB_JAR=/app/app.jar
ENV LAB_START_CACHE=/app/start/cache
ENV LAB_JAVA_OPTS=-XX:MaxRAMPercentage=60
RUN bin/lab prepare
EXPOSE 8080
# The JRE image has no curl or wget: bash talks HTTP to the health endpoint itself.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# app.jar's manifest names the main class, the lib/ classpath, Add-Exports: java.base/jdk.internal.vm (the event
# loop's coroutines, see src/main/java/concurrencylab/eventloop/package-info.java) and Enable-Native-Access.
ENTRYPOINT ["bin/lab"]
