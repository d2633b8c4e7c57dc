import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressPolicy } from '../../src/net/address-policy.js';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy();

  for (const [address, reason] of [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::7f00:1', 'IPv4-compatible'],
    ['64:ff9b::a9fe:a9fe', 'cloud-metadata'],
    ['169.254.169.254', 'cloud-metadata'],
    ['10.1.2.3', 'private'],
    ['172.31.0.1', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'carrier-grade'],
    ['fd00:ec2::254', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'cloud-metadata'],
    ['2002:c0a8:101::', 'private'],
    ['2001:0:7f00:1::', 'loopback'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b:0:0:0:0:10.0.0.1', 'private'],
    ['64:ff9b::1', 'unspecified'],
    ['::ffff:0:a00:1', 'private'],
    ['0:0:0:0:0:ffff:169.254.169.254', 'cloud-metadata'],
  ] as const) {
    it(`refuses ${address} as ${reason}`, () => {
      assert.match(policy.refusalFor(address) ?? '', new RegExp(reason));
    });
  }

  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '120.253.255.98',
    '2002:808:808::1',
    '64:ff9b::808:808',
  ]) {
    it(`allows the public address ${address}`, () => {
      assert.equal(policy.refusalFor(address), undefined);
    });
  }

  it('exempts named hosts and CIDR ranges from ALLOW_PRIVATE_ASSET_HOSTS, and nothing else', () => {
    const exempt = new AddressPolicy({ allowPrivate: ['mirror.internal', '10.20.0.0/16', '::1'] });
    assert.equal(exempt.refusalFor('10.9.9.9', 'mirror.internal'), undefined);
    assert.equal(exempt.refusalFor('10.20.3.4', 'other.example'), undefined);
    assert.equal(exempt.refusalFor('::1'), undefined);
    assert.match(exempt.refusalFor('10.21.0.1', 'other.example') ?? '', /private/);
    assert.match(exempt.refusalFor('127.0.0.1') ?? '', /loopback/);
  });
});
