import { brokerList, ConfigError, loadConfig, port, url } from './config';

describe('loadConfig', () => {
  const spec = {
    PORT: port('HTTP port', 4000),
    DATABASE_URL: url('the service database', ['postgres', 'postgresql']),
    KAFKA_BROKERS: brokerList('Kafka bootstrap brokers', '127.0.0.1:9092'),
  };

  it('reads values and applies defaults', () => {
    const config = loadConfig(spec, { DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toEqual({ PORT: 4000, DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: ['127.0.0.1:9092'] });
  });

  it('names a missing variable in one line', () => {
    expect(() => loadConfig(spec, {})).toThrow(new ConfigError('DATABASE_URL', 'is required (the service database)'));
  });

  it('names an invalid variable and the reason', () => {
    expect(() => loadConfig(spec, { DATABASE_URL: 'postgres://u@h/db', PORT: '70000' })).toThrow(
      /^configuration error: PORT is invalid: '70000' is not a TCP port/,
    );
    expect(() => loadConfig(spec, { DATABASE_URL: 'mysql://u@h/db' })).toThrow(
      /DATABASE_URL is invalid: must use postgres or postgresql/,
    );
    expect(() => loadConfig(spec, { DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: 'localhost' })).toThrow(
      /KAFKA_BROKERS is invalid: 'localhost' is not host:port/,
    );
  });
});
