#!/bin/sh
# Makes the certificates of the mutual TLS tests: a CA, a server certificate for localhost and
# 127.0.0.1, and a client certificate as PEM (plain RSA key, the same key encrypted, an EC key) and as
# PKCS#12. Valid for 100 years, so the files can stay checked in; run again to replace them.
# Passphrases: client-encrypted.key "client-pass", client.p12 "p12-pass".
set -eu
cd "$(dirname "$0")"
days=36500
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days \
  -subj "/CN=Sonde Test CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

sign() { # name subject extensions
  openssl req -new -key "$1.key" -subj "$2" -out "$scratch/$1.csr"
  printf '%s\n' "$3" >"$scratch/$1.ext"
  openssl x509 -req -in "$scratch/$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial \
    -CAserial "$scratch/ca.srl" -days $days -extfile "$scratch/$1.ext" -out "$1.pem"
}

openssl genrsa -out server.key 2048
sign server "/CN=localhost" "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"

openssl genrsa -out client.key 2048
sign client "/CN=Sonde Test Client/O=Sonde Tests" "extendedKeyUsage=clientAuth"
openssl pkey -in client.key -aes-256-cbc -passout pass:client-pass -out client-encrypted.key
cat client.pem client.key >client-combined.pem

openssl ecparam -name prime256v1 -genkey -noout -out "$scratch/ec.key"
openssl pkey -in "$scratch/ec.key" -out client-ec.key
sign client-ec "/CN=Sonde Test EC Client" "extendedKeyUsage=clientAuth"

openssl pkcs12 -export -in client.pem -inkey client.key -certfile ca.pem -name "Sonde Test Client" \
  -passout pass:p12-pass -out client.p12

# A key of no certificate here, and a client certificate no CA of the server's trusts.
openssl genrsa -out other.key 2048
openssl req -x509 -key other.key -out untrusted.pem -days $days -subj "/CN=Untrusted Client"
rm -f ca.srl
