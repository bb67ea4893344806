// The Gradle form of examples/junit-maven: a Java 17 project testing with ShaleDB's JUnit 5 extension next to the
// AWS SDK BOM. Until ShaleDB is published, `./mvnw -B install` in ShaleDB's checkout puts it in the local Maven
// repository that mavenLocal() reads.
plugins {
    java
}

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

repositories {
    mavenLocal()
    mavenCentral()
}

dependencies {
    implementation(platform("software.amazon.awssdk:bom:2.40.2"))
    implementation("software.amazon.awssdk:dynamodb-enhanced")
    implementation("software.amazon.awssdk:dynamodb")

    testImplementation(platform("io.shaledb:shale-bom:0.1.0-SNAPSHOT"))
    testImplementation("io.shaledb:shale-junit")
    testImplementation(platform("org.junit:junit-bom:5.14.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testImplementation("org.assertj:assertj-core:3.27.7")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

tasks.test {
    useJUnitPlatform()
}
