# Mirrors the README: build with Maven, run the shaded jar. The embedded Redis (AOF) lives in the volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/vestnik vestnik \
 && mkdir -p /var/lib/vestnik /etc/vestnik \
 && chown vestnik /var/lib/vestnik
COPY --from=build /src/gateway/target/vestnik-gateway.jar /opt/vestnik/vestnik-gateway.jar
USER vestnik
WORKDIR /var/lib/vestnik
ENV VESTNIK_REDIS_DATADIR=/var/lib/vestnik/data
VOLUME /var/lib/vestnik
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health/live HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
# docker run -v $PWD/vestnik.yaml:/etc/vestnik/vestnik.yaml ... vestnik --config /etc/vestnik/vestnik.yaml
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/vestnik/vestnik-gateway.jar"]
