<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  ISO Schematron → XSLT 3 that reports in SVRL.

  The project's own Schematron compiler, for queryBinding xslt2 and xslt3 (and xslt, whose
  XPath 1 is a subset). The compiled stylesheet walks the document once, all patterns
  together; within a pattern the first rule whose context matches a node fires, as the
  standard says. A failed
  assert or a successful report becomes svrl:failed-assert or svrl:successful-report with the
  test's id, role and message, and a location of the form /*[1]/*[2]/*[5] (an XPath that any
  engine, lxml included, resolves to the node, whatever the namespaces). Top-level xsl:key and
  xsl:function of the schema are copied into the result; its top-level sch:let become
  parameters with their declared value as default.

  Not supported, and refused with a message: abstract patterns and rules (sch:extends,
  is-a), sch:include, and phases other than all patterns at once.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:axsl="urn:tei-transcripts:xslt-alias"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
  xmlns:loc="urn:tei-transcripts:location"
  exclude-result-prefixes="sch">
  <!-- Names of the compiled stylesheet (mode, parameter, function) are in the loc namespace. -->

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/sch:schema">
    <xsl:for-each select="(//sch:include, //sch:extends, //*[@abstract = 'true'], //sch:pattern[@is-a])[1]">
      <xsl:call-template name="fail"><xsl:with-param name="message">this Schematron uses &lt;<xsl:value-of select="name()"/><xsl:if test="@abstract"> abstract="true"</xsl:if><xsl:if test="@is-a"> is-a</xsl:if>&gt;, which the project's Schematron compiler does not support</xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="@queryBinding and not(lower-case(@queryBinding) = ('xslt', 'xslt2', 'xslt3', 'xpath2', 'xpath3', 'xpath31'))">
      <xsl:call-template name="fail"><xsl:with-param name="message">queryBinding "<xsl:value-of select="@queryBinding"/>" is not supported (use xslt3, xslt2 or xslt)</xsl:with-param></xsl:call-template>
    </xsl:if>
    <axsl:stylesheet version="3.0">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="@uri"/>
      </xsl:for-each>
      <xsl:comment> Compiled from a Schematron schema by tei-transcripts' xslt/schematron/sch2xslt.xsl. </xsl:comment>
      <xsl:copy-of select="xsl:key | xsl:function" copy-namespaces="no"/>
      <axsl:function name="loc:path" as="xs:string">
        <axsl:param name="node" as="node()"/>
        <axsl:sequence select="concat(string-join($node/ancestor-or-self::*!concat('/*[', count(preceding-sibling::*) + 1, ']')), if ($node instance of attribute()) then concat('/@', name($node)) else '')"/>
      </axsl:function>
      <xsl:apply-templates select="sch:let | sch:pattern/sch:let"/>

      <axsl:template match="/">
        <svrl:schematron-output>
          <xsl:for-each select="sch:pattern">
            <svrl:active-pattern>
              <xsl:copy-of select="@id"/>
            </svrl:active-pattern>
          </xsl:for-each>
          <axsl:apply-templates select="/" mode="loc:rules"/>
        </svrl:schematron-output>
      </axsl:template>

      <xsl:apply-templates select="sch:pattern/sch:rule"/>

      <axsl:template match="node()" mode="loc:rules" priority="-10">
        <axsl:apply-templates select="{if (.//sch:rule[contains(@context, '@')]) then '@*|*' else '*'}" mode="loc:rules">
          <axsl:with-param name="loc:fired" select="()" tunnel="yes"/>
        </axsl:apply-templates>
      </axsl:template>
      <axsl:template match="@*" mode="loc:rules" priority="-10"/>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:let">
    <axsl:variable name="{@name}" select="{(@value, '()')[1]}"/>
  </xsl:template>

  <!-- A variable of the whole schema is a parameter of the compiled stylesheet, which keeps
       its declared value unless the caller sets it (as tei-transcripts' validator sets
       "preloaded-documents"). -->
  <xsl:template match="sch:schema/sch:let">
    <axsl:param name="{@name}" select="{(@value, '()')[1]}"/>
  </xsl:template>

  <!-- All rules share one mode, so the document is walked once. A node that several rules
       match goes through them by next-match in schema order; the tunnelled list of patterns
       that already fired on it keeps to the standard's "first matching rule of a pattern". -->
  <xsl:template match="sch:rule">
    <xsl:variable name="pattern" select="loc:mode(..)"/>
    <axsl:template match="{@context}" mode="loc:rules" priority="{100000 - count(preceding::sch:rule)}">
      <axsl:param name="loc:fired" as="xs:string*" select="()" tunnel="yes"/>
      <axsl:choose>
        <axsl:when test="'{$pattern}' = $loc:fired">
          <axsl:next-match/>
        </axsl:when>
        <axsl:otherwise>
          <xsl:apply-templates select="sch:let"/>
          <xsl:apply-templates select="sch:assert | sch:report"/>
          <axsl:next-match>
            <axsl:with-param name="loc:fired" select="($loc:fired, '{$pattern}')" tunnel="yes"/>
          </axsl:next-match>
        </axsl:otherwise>
      </axsl:choose>
    </axsl:template>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <axsl:if test="{if (self::sch:assert) then concat('not(', @test, ')') else @test}">
      <xsl:element name="{if (self::sch:assert) then 'svrl:failed-assert' else 'svrl:successful-report'}">
        <xsl:attribute name="test" select="loc:literal(@test)"/>
        <xsl:if test="@id">
          <xsl:attribute name="id" select="loc:literal(@id)"/>
        </xsl:if>
        <xsl:attribute name="role" select="loc:literal((@role, ../@role, 'error')[1])"/>
        <xsl:attribute name="location">{loc:path(.)}</xsl:attribute>
        <svrl:text>
          <xsl:apply-templates select="node()" mode="message"/>
        </svrl:text>
      </xsl:element>
    </axsl:if>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="message">
    <axsl:value-of select="{@select}"/>
  </xsl:template>

  <xsl:template match="sch:name" mode="message">
    <axsl:value-of select="name({(@path, '.')[1]})"/>
  </xsl:template>

  <xsl:template match="sch:emph | sch:dir | sch:span" mode="message">
    <xsl:apply-templates select="node()" mode="message"/>
  </xsl:template>

  <xsl:template match="text()" mode="message">
    <axsl:text>
      <xsl:value-of select="."/>
    </axsl:text>
  </xsl:template>

  <xsl:template match="*" mode="message">
    <xsl:apply-templates select="node()" mode="message"/>
  </xsl:template>

  <!-- Stop with a message: error() puts the text into the exception the caller sees. -->
  <xsl:template name="fail">
    <xsl:param name="message" as="item()*"/>
    <xsl:sequence select="error(QName('urn:tei-transcripts:location', 'loc:unsupported'), normalize-space(string-join($message ! string(.), '')))"/>
  </xsl:template>

  <!-- A pattern's name: its position, so that ids need not be unique or present. -->
  <xsl:function name="loc:mode" as="xs:string">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:sequence select="concat('loc:pattern-', count($pattern/preceding-sibling::sch:pattern) + 1)"/>
  </xsl:function>

  <!-- A string to be used verbatim in an attribute value template. -->
  <xsl:function name="loc:literal" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="replace(replace($value, '\{', '{{'), '\}', '}}')"/>
  </xsl:function>
</xsl:stylesheet>
