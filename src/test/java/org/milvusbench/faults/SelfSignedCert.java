package org.milvusbench.faults;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for localhost / 127.0.0.1, made by the JDK's keytool (no extra library),
 * as the target needs it (PEM certificate, PKCS#8 PEM key) and as clients trust it (a PKCS12 trust store).
 */
record SelfSignedCert(Path certPem, Path keyPem, Path trustStore, String trustStorePassword) {
  private static final String PASSWORD = "changeit";

  static SelfSignedCert create(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path keyStore = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    Certificate cert = ks.getCertificate("target");
    Path certPem = dir.resolve("cert.pem");
    Path keyPem = dir.resolve("key.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", ks.getKey("target", PASSWORD.toCharArray()).getEncoded())); // PKCS#8
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("target", cert);
    Path trustStore = dir.resolve("trust.p12");
    try (OutputStream o = Files.newOutputStream(trustStore)) {
      trust.store(o, PASSWORD.toCharArray());
    }
    return new SelfSignedCert(certPem, keyPem, trustStore, PASSWORD);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
