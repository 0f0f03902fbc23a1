<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  ODD → RelaxNG (XML syntax).

  Reads a self-contained ODD (one schemaSpec holding every elementSpec, classSpec, macroSpec
  and dataSpec it uses) and writes one grammar: a define per element, model class, macro and
  datatype, named by its ident as TEI does. Attributes are written inline on each element,
  its own attDefs first and then those of its attribute classes, so an element-level attDef
  replaces the class's one of the same name. Pure ODD content (sequence, alternate,
  elementRef, classRef, macroRef, dataRef, textNode, empty) is translated one to one; any
  construct it does not know stops the compilation with a message naming it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:tei-transcripts:odd"
  xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  exclude-result-prefixes="xs tei odd">

  <xsl:include href="odd-common.xsl"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="spec" select="odd:schema-spec(.)"/>
    <grammar ns="{($spec/@ns, 'http://www.tei-c.org/ns/1.0')[1]}"
      datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <xsl:comment> Generated from the ODD by xslt/odd/odd2rng.xsl: do not edit; edit the ODD and run "tei-transcripts schema". </xsl:comment>
      <start>
        <choice>
          <xsl:for-each select="tokenize(($spec/@start, 'TEI')[1])">
            <ref name="{.}"/>
          </xsl:for-each>
        </choice>
      </start>
      <xsl:apply-templates select="$spec/tei:elementSpec" mode="define"/>
      <xsl:apply-templates select="$spec/tei:classSpec[@type = 'model']" mode="define"/>
      <xsl:apply-templates select="$spec/tei:macroSpec" mode="define"/>
      <xsl:apply-templates select="$spec/tei:dataSpec" mode="define"/>
    </grammar>
  </xsl:template>

  <!-- ================================================================ defines -->

  <xsl:template match="tei:elementSpec" mode="define">
    <define name="{@ident}">
      <element name="{@ident}">
        <a:documentation>
          <xsl:value-of select="odd:documentation(.)"/>
        </a:documentation>
        <xsl:apply-templates select="tei:content/*" mode="content"/>
        <xsl:apply-templates select="odd:attributes(.)" mode="attribute"/>
      </element>
    </define>
  </xsl:template>

  <xsl:template match="tei:classSpec" mode="define">
    <xsl:variable name="members" select="odd:members(.)"/>
    <define name="{@ident}">
      <xsl:choose>
        <xsl:when test="empty($members)">
          <notAllowed/>
        </xsl:when>
        <xsl:otherwise>
          <choice>
            <xsl:for-each select="$members">
              <ref name="{@ident}"/>
            </xsl:for-each>
          </choice>
        </xsl:otherwise>
      </xsl:choose>
    </define>
  </xsl:template>

  <xsl:template match="tei:macroSpec | tei:dataSpec" mode="define">
    <define name="{@ident}">
      <xsl:apply-templates select="tei:content/*" mode="content"/>
    </define>
  </xsl:template>

  <!-- ================================================================ content -->

  <xsl:template match="tei:sequence" mode="content">
    <xsl:call-template name="occurs">
      <xsl:with-param name="pattern">
        <group>
          <xsl:apply-templates select="*" mode="content"/>
        </group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:alternate" mode="content">
    <xsl:call-template name="occurs">
      <xsl:with-param name="pattern">
        <choice>
          <xsl:apply-templates select="*" mode="content"/>
        </choice>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:elementRef | tei:classRef | tei:macroRef" mode="content">
    <xsl:if test="empty(odd:spec(., @key))">
      <xsl:call-template name="fail"><xsl:with-param name="message">
        <xsl:value-of select="odd:where(.)"/>: <xsl:value-of select="local-name()"/> key="<xsl:value-of select="@key"/>" names nothing this ODD defines</xsl:with-param></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="occurs">
      <xsl:with-param name="pattern">
        <ref name="{@key}"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dataRef[@key]" mode="content">
    <xsl:if test="empty(odd:spec(., @key))">
      <xsl:call-template name="fail"><xsl:with-param name="message">
        <xsl:value-of select="odd:where(.)"/>: dataRef key="<xsl:value-of select="@key"/>" names no dataSpec of this ODD</xsl:with-param></xsl:call-template>
    </xsl:if>
    <ref name="{@key}"/>
  </xsl:template>

  <xsl:template match="tei:dataRef[@name]" mode="content">
    <data type="{@name}">
      <xsl:if test="@restriction">
        <param name="pattern">
          <xsl:value-of select="@restriction"/>
        </param>
      </xsl:if>
    </data>
  </xsl:template>

  <xsl:template match="tei:textNode" mode="content">
    <text/>
  </xsl:template>

  <xsl:template match="tei:empty" mode="content">
    <empty/>
  </xsl:template>

  <xsl:template match="*" mode="content">
    <xsl:call-template name="fail"><xsl:with-param name="message">
      <xsl:value-of select="odd:where(.)"/>: the ODD compiler does not support &lt;<xsl:value-of select="name()"/>&gt; in a content model</xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template name="occurs">
    <xsl:param name="pattern"/>
    <xsl:variable name="min" select="(@minOccurs, '1')[1]"/>
    <xsl:variable name="max" select="(@maxOccurs, '1')[1]"/>
    <xsl:choose>
      <xsl:when test="$min = '1' and $max = '1'">
        <xsl:sequence select="$pattern"/>
      </xsl:when>
      <xsl:when test="$min = '0' and $max = '1'">
        <optional><xsl:sequence select="$pattern"/></optional>
      </xsl:when>
      <xsl:when test="$min = '0' and $max = 'unbounded'">
        <zeroOrMore><xsl:sequence select="$pattern"/></zeroOrMore>
      </xsl:when>
      <xsl:when test="$min = '1' and $max = 'unbounded'">
        <oneOrMore><xsl:sequence select="$pattern"/></oneOrMore>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fail"><xsl:with-param name="message">
          <xsl:value-of select="odd:where(.)"/>: minOccurs="<xsl:value-of select="$min"/>" maxOccurs="<xsl:value-of select="$max"/>" is not supported; use 0, 1 or unbounded</xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ attributes -->

  <xsl:template match="tei:attDef" mode="attribute">
    <xsl:variable name="attribute">
      <attribute>
        <xsl:choose>
          <xsl:when test="starts-with(@ident, 'xml:')">
            <xsl:attribute name="name" select="substring-after(@ident, 'xml:')"/>
            <xsl:attribute name="ns" select="'http://www.w3.org/XML/1998/namespace'"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="name" select="@ident"/>
          </xsl:otherwise>
        </xsl:choose>
        <a:documentation>
          <xsl:value-of select="odd:documentation(.)"/>
        </a:documentation>
        <xsl:call-template name="attribute-value"/>
      </attribute>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@usage = 'req'">
        <xsl:sequence select="$attribute"/>
      </xsl:when>
      <xsl:otherwise>
        <optional><xsl:sequence select="$attribute"/></optional>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One value: a closed list's values, or the datatype; several, space-separated, in a list. -->
  <xsl:template name="attribute-value">
    <xsl:variable name="one">
      <xsl:choose>
        <xsl:when test="tei:valList[@type = 'closed']">
          <choice>
            <xsl:for-each select="tei:valList/tei:valItem">
              <value>
                <xsl:value-of select="@ident"/>
              </value>
            </xsl:for-each>
          </choice>
        </xsl:when>
        <xsl:when test="tei:datatype/*">
          <xsl:apply-templates select="tei:datatype/*" mode="content"/>
        </xsl:when>
        <xsl:otherwise>
          <text/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="tei:datatype/@maxOccurs = 'unbounded'">
        <list>
          <oneOrMore><xsl:sequence select="$one"/></oneOrMore>
        </list>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$one"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
