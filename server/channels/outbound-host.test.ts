import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import {
  ChannelError,
  checkedAddress,
  hostAllowance,
  isPublicAddress,
  normaliseHost,
  pinnedLookup,
  type LookupAll,
} from './outbound-host';

/**
 * The SSRF guard's rules (issue 17 finding 3): which addresses count as public, which hosts are
 * allowed, what a name must resolve to, and that the connection goes to the checked address.
 * Name resolution is injected here so a public name resolving to a private address can be shown;
 * outgoing-channels.test.ts proves the rules through the app with real servers.
 */
describe('outgoing channel hosts', () => {
  it('counts loopback, private, link-local and other special-use addresses as not public, mapped forms too', () => {
    const special = [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '192.0.2.5', '198.18.0.1',
      '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1',
      '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', '2002:7f00:1::', '2001:db8::1', '::127.0.0.1',
      'not an address',
    ];
    for (const a of special) expect(isPublicAddress(a), a).toBe(false);
    const pub = ['8.8.8.8', '1.1.1.1', '101.226.4.6', '172.32.0.1', '100.128.0.1', '2400:3200::1', '2001:4860:4860::8888', '::ffff:8.8.8.8'];
    for (const a of pub) expect(isPublicAddress(a), a).toBe(true);
  });

  it('allows the official robot hosts and the hosts the deployment names, nothing else', () => {
    const policy = { channelHosts: ['smtp.xz.gov.cn', '10.1.2.3'] };
    expect(hostAllowance('qyapi.weixin.qq.com', policy)).toBe('official');
    expect(hostAllowance('OAPI.DingTalk.com.', policy)).toBe('official');
    expect(hostAllowance('smtp.xz.gov.cn', policy)).toBe('deployment');
    expect(hostAllowance('10.1.2.3', policy)).toBe('deployment');
    for (const h of ['qyapi.weixin.qq.com.evil.example', 'evil.qyapi.weixin.qq.com', 'example.com', '10.1.2.4', 'localhost', '127.0.0.1', '::1', ''])
      expect(hostAllowance(h, policy), h).toBeNull();
    expect(normaliseHost('[::1]')).toBe('::1');
    expect(normaliseHost('0x7f.1')).toBe('127.0.0.1');
    expect(normaliseHost('smtp.xz.gov.cn:25')).toBeNull();
    expect(normaliseHost('a b')).toBeNull();
  });

  it('refuses an official host that resolves to a private address; a host the deployment names may', async () => {
    let queries = 0;
    const resolvesTo =
      (...addresses: string[]): LookupAll =>
      async () => {
        queries++;
        return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);
      };
    const policy = { channelHosts: ['smtp.xz.gov.cn'] };
    await expect(checkedAddress('qyapi.weixin.qq.com', policy, resolvesTo('10.0.0.8'))).rejects.toThrow(ChannelError);
    await expect(checkedAddress('qyapi.weixin.qq.com', policy, resolvesTo('::ffff:192.168.0.1'))).rejects.toThrow(/不允许连接主机/);
    // One private address among public ones is enough to refuse (the connection could pick it).
    await expect(checkedAddress('oapi.dingtalk.com', policy, resolvesTo('203.119.1.1', '127.0.0.1'))).rejects.toThrow(ChannelError);
    await expect(checkedAddress('oapi.dingtalk.com', policy, resolvesTo('203.119.1.1'))).resolves.toMatchObject({ address: '203.119.1.1', family: 4 });
    await expect(checkedAddress('smtp.xz.gov.cn', policy, resolvesTo('10.9.8.7'))).resolves.toMatchObject({ address: '10.9.8.7' });
    // A host not on the list is refused before any DNS query: the office cannot probe internal names.
    queries = 0;
    await expect(checkedAddress('intranet.local', policy, resolvesTo('10.0.0.1'))).rejects.toThrow(ChannelError);
    expect(queries).toBe(0);
  });

  it('connects to the checked address, not to what a second lookup would say (no DNS rebinding)', async () => {
    const hosts: string[] = [];
    const server = http.createServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // "rebind.invalid" has no DNS entry at all: it can only be reached through the pinned address.
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`http://rebind.invalid:${port}/`, {
          lookup: pinnedLookup({ address: '127.0.0.1', family: 4 }) as never,
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      expect(hosts).toEqual([`rebind.invalid:${port}`]);
    } finally {
      server.close();
    }
  });

  it('reads DUBAN_CHANNEL_HOSTS as a list of hosts, refusing a port or scheme', () => {
    expect(loadConfig({}).channelHosts).toEqual([]);
    expect(loadConfig({ DUBAN_CHANNEL_HOSTS: 'SMTP.xz.gov.cn, 10.1.2.3 robot-proxy.xz.gov.cn.' }).channelHosts).toEqual([
      'smtp.xz.gov.cn',
      '10.1.2.3',
      'robot-proxy.xz.gov.cn',
    ]);
    expect(() => loadConfig({ DUBAN_CHANNEL_HOSTS: 'smtp.xz.gov.cn:25' })).toThrow(ConfigError);
    expect(() => loadConfig({ DUBAN_CHANNEL_HOSTS: 'https://smtp.xz.gov.cn' })).toThrow(/DUBAN_CHANNEL_HOSTS/);
  });
});
