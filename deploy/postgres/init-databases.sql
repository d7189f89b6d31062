-- docker-compose only: the role and one database per service, as ./care up creates them locally.
create role careloop login createdb password 'careloop';
create database careloop_intake owner careloop;
create database careloop_treatment owner careloop;
create database careloop_risk owner careloop;
create database careloop_referral owner careloop;
create database careloop_billing owner careloop;
