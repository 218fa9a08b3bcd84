# syntax=docker/dockerfile:1
# The production image: built with the project's Maven wrapper, run on a JRE 17 as a non-root user
# from Spring Boot's extracted layers (dependencies change rarely, the application often).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY bpmn bpmn
COPY forms forms
# The Maven repository is a BuildKit cache: a rebuild downloads nothing again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/os2-governance-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 os2 \
 && useradd --system --uid 10001 --gid os2 --home-dir /app --shell /usr/sbin/nologin os2 \
 && mkdir -p /app/data && chown os2:os2 /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8" \
    SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
# UP while the node and its database answer (the mail server is not part of it: mail waits in the
# outbox). bash's /dev/tcp needs neither curl nor wget in the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
